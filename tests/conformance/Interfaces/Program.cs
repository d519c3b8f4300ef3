using System;

// Interface dispatch: implicit and explicit implementations, inherited and overridden implementations,
// interfaces extending interfaces, structs implementing interfaces (boxed and through 'using'), casts.
interface IShape
{
    int Area();
    string Name { get; }
}

interface ISolid : IShape
{
    int Volume(int depth);
}

interface ICounter
{
    void Bump();
    int Count { get; }
}

interface IReleasable
{
    void Release();
}

class Square : ISolid
{
    protected int _side;

    public Square(int side)
    {
        _side = side;
    }

    public virtual int Area()
    {
        return _side * _side;
    }

    public string Name
    {
        get { return "square"; }
    }

    int ISolid.Volume(int depth)
    {
        return Area() * depth;
    }
}

class BigSquare : Square
{
    public BigSquare(int side) : base(side)
    {
    }

    public override int Area()
    {
        return 1000 + base.Area();
    }
}

class Circle : IShape, ICounter
{
    int _count;

    public int Area()
    {
        return 3;
    }

    public string Name
    {
        get { return "circle"; }
    }

    public void Bump()
    {
        _count++;
    }

    public int Count
    {
        get { return _count; }
    }
}

struct Tally : ICounter, IReleasable
{
    public int N;

    public void Bump()
    {
        N++;
    }

    public int Count
    {
        get { return N; }
    }

    public void Release()
    {
        Console.WriteLine("released");
    }
}

struct Lease : IDisposable
{
    public int Id;

    public void Dispose()
    {
        Console.WriteLine("lease disposed");
        Console.WriteLine(Id);
    }
}

class Program
{
    static int TotalArea(IShape[] shapes)
    {
        int sum = 0;
        for (int i = 0; i < shapes.Length; i++)
            sum += shapes[i].Area();
        return sum;
    }

    static void BumpTwice(ICounter c)
    {
        c.Bump();
        c.Bump();
    }

    static void Main()
    {
        IShape[] shapes = { new Square(2), new BigSquare(3), new Circle() };
        Console.WriteLine(TotalArea(shapes));
        for (int i = 0; i < shapes.Length; i++)
            Console.WriteLine(shapes[i].Name);

        ISolid solid = new BigSquare(2);
        Console.WriteLine(solid.Volume(10));
        IShape asShape = solid;
        Console.WriteLine(asShape.Area());

        Circle circle = new Circle();
        BumpTwice(circle);
        Console.WriteLine(circle.Count);

        Tally t = new Tally();
        BumpTwice(t); // a boxed copy is bumped
        Console.WriteLine(t.N);
        ICounter boxed = t;
        BumpTwice(boxed);
        Console.WriteLine(boxed.Count);
        Console.WriteLine(t.N);
        ((IReleasable)boxed).Release();

        using (Lease lease = new Lease { Id = 42 })
        {
            Console.WriteLine("in lease");
        }

        object o = new Circle();
        Console.WriteLine(o is ICounter);
        Console.WriteLine(o is ISolid);
        Console.WriteLine(o as IReleasable == null);
        object sq = new BigSquare(1);
        Console.WriteLine(sq is IShape);
        Console.WriteLine(((IShape)sq).Area());
        try
        {
            ICounter bad = (ICounter)sq;
            Console.WriteLine(bad.Count);
        }
        catch (InvalidCastException e)
        {
            Console.WriteLine(e.Message);
        }

        object arr = new int[3];
        Console.WriteLine(arr is int[]);
        Console.WriteLine(arr is string[]);
        object strings = new string[] { "a" };
        Console.WriteLine(strings is object[]);
        Console.WriteLine(strings is string[]);
    }
}
