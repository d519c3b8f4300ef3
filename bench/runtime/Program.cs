using System;

// Four micro-kernels for bench/runtime/run.sh. Exactly one (chosen at build time, KERNEL1..KERNEL4) runs N
// iterations; the others run 0, so a KERNEL0 build is the start-up baseline with the same code loaded.
class Shape
{
    public virtual int Area(int x) { return x; }
}

class Square : Shape
{
    public override int Area(int x) { return x + 3; }
}

class Small
{
    public int Value;
    public Small(int v) { Value = v; }
}

class Program
{
    const int N = 100000;

#if KERNEL1
    const int N1 = N;
#else
    const int N1 = 0;
#endif
#if KERNEL2
    const int N2 = N;
#else
    const int N2 = 0;
#endif
#if KERNEL3
    const int N3 = N;
#else
    const int N3 = 0;
#endif
#if KERNEL4
    const int N4 = N;
#else
    const int N4 = 0;
#endif

    static int s_n1 = N1, s_n2 = N2, s_n3 = N3, s_n4 = N4;

    // int arithmetic: a few add/mul/xor/shift per iteration.
    static int IntArith(int n)
    {
        int a = 1, b = 7;
        for (int i = 0; i < n; i++)
        {
            a = a * 31 + i;
            b ^= a >> 3;
            a -= b & 0xFF;
        }
        return a + b;
    }

    // one virtual call per iteration (receiver type not known statically).
    static int VirtualCall(Shape s, int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++)
            sum += s.Area(i);
        return sum;
    }

    // one element read and one element write per iteration.
    static int ArrayRw(int[] arr, int n)
    {
        int mask = arr.Length - 1;
        for (int i = 0; i < n; i++)
        {
            int j = i & mask;
            arr[j] = arr[(j + 1) & mask] + i;
        }
        return arr[0];
    }

    // one newobj of a small class per iteration, kept alive until the next one.
    static int Alloc(int n)
    {
        Small last = null;
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            last = new Small(i);
            sum += last.Value;
        }
        return last == null ? sum : sum + last.Value;
    }

    static Shape MakeShape(int k)
    {
        if (k > 0) return new Square();
        return new Shape();
    }

    static void Main()
    {
        int r = IntArith(s_n1);
        r += VirtualCall(MakeShape(s_n2 + 1), s_n2);
        r += ArrayRw(new int[64], s_n3);
        r += Alloc(s_n4);
        Console.WriteLine(r.ToString());
    }
}
