using System;

// Struct semantics: copies on assignment, calls and returns; fields, arrays and statics of struct type;
// methods that change 'this'; constructors; boxing; default Equals/GetHashCode; nested structs.
struct Point
{
    public int X;
    public int Y;

    public Point(int x, int y)
    {
        X = x;
        Y = y;
    }

    public void Move(int dx)
    {
        X += dx;
    }

    public int Sum()
    {
        return X + Y;
    }

    public override string ToString()
    {
        return Pair.Of(X.ToString(), Y.ToString());
    }
}

struct Line
{
    public Point A;
    public Point B;
    public string Name;
}

struct Plain
{
    public long L;
    public double D;
}

class Holder
{
    public Point P;
    public Line L;
}

static class Pair
{
    // Two-operand concatenations only: longer chains need String.Concat overloads the corlib adds separately.
    public static string Of(string a, string b)
    {
        string t = b + ")";
        t = ", " + t;
        t = a + t;
        return "(" + t;
    }

    public static string Join(string a, string b)
    {
        string t = " " + b;
        return a + t;
    }
}

class Program
{
    static Point s_origin;
    static Point s_unit = new Point(1, 1);

    static Point Twice(Point p)
    {
        p.X *= 2;
        p.Y *= 2;
        return p;
    }

    static void Shift(ref Point p, int d)
    {
        p.Move(d);
    }

    static void Make(out Point p)
    {
        p = new Point(7, 8);
    }

    static void Main()
    {
        Point a = new Point(1, 2);
        Point b = a;
        b.X = 10;
        Console.WriteLine(Pair.Join(a.ToString(), b.ToString()));

        Point c = Twice(a);
        Console.WriteLine(Pair.Join(a.ToString(), c.ToString()));

        Shift(ref a, 5);
        Console.WriteLine(a.ToString());
        Make(out Point m);
        Console.WriteLine(Pair.Join(m.ToString(), m.Sum().ToString()));

        a.Move(1);
        Console.WriteLine(a.X.ToString());

        Point d = default;
        Console.WriteLine(d.ToString());
        d = new Point();
        Console.WriteLine(d.Sum().ToString());

        Holder h = new Holder();
        h.P.Move(3);
        h.P.Y = 4;
        Point hp = h.P;
        hp.X = 100;
        Console.WriteLine(Pair.Join(h.P.ToString(), hp.ToString()));
        h.L.B.X = 9;
        h.L.Name = "diag";
        Line copy = h.L;
        copy.B.X = 1;
        Console.WriteLine(Pair.Join(h.L.B.X.ToString(), Pair.Join(copy.B.X.ToString(), copy.Name)));

        Point[] pts = new Point[3];
        pts[1].X = 5;
        pts[2] = new Point(6, 7);
        Point p2 = pts[2];
        p2.Y = 0;
        for (int i = 0; i < pts.Length; i++)
            Console.WriteLine(pts[i].ToString());

        Console.WriteLine(Pair.Join(s_origin.ToString(), s_unit.ToString()));
        s_origin.Move(2);
        Console.WriteLine(s_origin.ToString());

        object boxed = a;
        a.X = 0;
        Console.WriteLine(Pair.Join(boxed.ToString(), a.ToString()));
        Point unboxed = (Point)boxed;
        Console.WriteLine(unboxed.Sum().ToString());
        Console.WriteLine(Pair.Join((boxed is Point).ToString(), (boxed is Holder).ToString()));

        Plain p = new Plain { L = 5, D = 2.5 };
        Plain q = p;
        Console.WriteLine(p.Equals(q).ToString());
        q.D = -1;
        Console.WriteLine(p.Equals(q).ToString());
        Console.WriteLine((p.GetHashCode() == new Plain { L = 5, D = 2.5 }.GetHashCode()).ToString());
        Console.WriteLine(p.ToString());

        Line l1 = new Line { Name = "x" };
        Line l2 = new Line { Name = "x" };
        l2.A.X = 0;
        Console.WriteLine(l1.Equals(l2).ToString());
        l2.A.X = 1;
        Console.WriteLine(l1.Equals(l2).ToString());

        try
        {
            object o = "text";
            Point bad = (Point)o;
            Console.WriteLine(bad.ToString());
        }
        catch (InvalidCastException e)
        {
            Console.WriteLine(e.Message);
        }
    }
}
