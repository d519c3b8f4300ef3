using System;

// Delegates (static, instance, virtual, struct targets, combined, removed, events, exceptions through
// Invoke), System.Type identity and names, and array initialisers.
delegate int Op(int x);
delegate void Note(string text);

class Counter
{
    public int Total;

    public int Add(int x)
    {
        Total += x;
        return Total;
    }

    public virtual int Scale(int x)
    {
        return x * 2;
    }
}

class Tripler : Counter
{
    public override int Scale(int x)
    {
        return x * 3;
    }
}

struct Offset
{
    public int By;

    public int Apply(int x)
    {
        return x + By;
    }
}

class Button
{
    public event EventHandler Clicked;

    public void Click()
    {
        EventHandler handler = Clicked;
        if (handler != null)
            handler(this, EventArgs.Empty);
    }
}

enum Color
{
    Red,
    Green,
}

class Program
{
    static int Square(int x)
    {
        return x * x;
    }

    static void Print(string text)
    {
        Console.WriteLine(text);
    }

    static void Shout(string text)
    {
        Console.Write(text);
        Console.WriteLine("!");
    }

    static int s_clicks;

    static void OnClick(object sender, EventArgs e)
    {
        s_clicks++;
    }

    static void Main()
    {
        Op square = Square;
        Console.WriteLine(square(7));

        Counter c = new Counter();
        Op add = c.Add;
        add(5);
        Console.WriteLine(add(10));
        Console.WriteLine(c.Total);

        Counter t = new Tripler();
        Op scale = t.Scale;
        Console.WriteLine(scale(4));

        Offset o = new Offset { By = 100 };
        Op apply = o.Apply;
        o.By = 1; // the delegate holds a boxed copy
        Console.WriteLine(apply(1));

        Note both = Print;
        both += Shout;
        both("hello");
        both -= Print;
        both("again");
        both -= Shout;
        Console.WriteLine(both == null);

        Op chain = Square;
        chain += add;
        Console.WriteLine(chain(3)); // the last delegate's result
        Console.WriteLine(c.Total);
        Console.WriteLine(chain.GetInvocationList().Length);

        Action nothing = null;
        try
        {
            nothing();
        }
        catch (NullReferenceException)
        {
            Console.WriteLine("null delegate");
        }

        Op thrower = x => 10 / x;
        try
        {
            thrower(0);
        }
        catch (DivideByZeroException e)
        {
            Console.WriteLine(e.Message);
        }

        Button b = new Button();
        b.Clicked += OnClick;
        b.Clicked += OnClick;
        b.Click();
        Console.WriteLine(s_clicks);

        int captured = 5;
        Op closure = x => x + captured;
        captured = 6;
        Console.WriteLine(closure(1));

        Console.WriteLine(typeof(int).FullName);
        Console.WriteLine(typeof(Counter).Name);
        Console.WriteLine(new Tripler().GetType().BaseType.FullName);
        Console.WriteLine(typeof(int[]).FullName);
        Console.WriteLine(new string[0].GetType().Name);
        Console.WriteLine(typeof(Program) == new Program().GetType());
        Console.WriteLine(typeof(Counter) == typeof(Tripler));
        Console.WriteLine(typeof(Counter).IsAssignableFrom(typeof(Tripler)));
        Console.WriteLine(typeof(Tripler).IsAssignableFrom(typeof(Counter)));
        Console.WriteLine(typeof(Color).IsEnum);
        Console.WriteLine(typeof(Offset).IsValueType);
        Console.WriteLine(typeof(Counter).IsClass);
        Console.WriteLine(typeof(int).IsPrimitive);
        Console.WriteLine(typeof(int[]).IsArray);
        Console.WriteLine(typeof(int[]).GetElementType().Name);
        Console.WriteLine(typeof(Op).BaseType.FullName);
        Console.WriteLine(typeof(Counter).Namespace == null);
        Console.WriteLine(typeof(string).Namespace);
        Console.WriteLine(typeof(object).BaseType == null);
        Console.WriteLine(Color.Green.GetType().FullName);
        Console.WriteLine(typeof(Counter).IsInstanceOfType(new Tripler()));
        Console.WriteLine(typeof(Counter).IsSubclassOf(typeof(object)));

        byte[] bytes = { 1, 2, 3, 250, 251, 252, 253, 254, 255 };
        int sum = 0;
        for (int i = 0; i < bytes.Length; i++)
            sum += bytes[i];
        Console.WriteLine(sum);
        long[] longs = { -1, 1L << 40, 7, 8, 9, 10, 11 };
        Console.WriteLine(longs[1] + longs[0]);
        double[] doubles = { 0.5, 1.25, -3, 4, 5, 6 };
        Console.WriteLine(doubles[2] + doubles[1]);
        char[] chars = { 'h', 'e', 'y', '!', '?', '.' };
        Console.WriteLine((int)chars[2]);
    }
}
