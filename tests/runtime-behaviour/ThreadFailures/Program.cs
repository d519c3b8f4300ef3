using System;
using System.Threading;

// An unhandled exception and a stack overflow in other threads end those threads only (logged with their
// stack traces); Main goes on.
class Program
{
    static int Recurse(int n)
    {
        return Recurse(n + 1) + 1;
    }

    static void Main()
    {
        Thread failing = new Thread(() => { throw new InvalidOperationException("boom"); });
        failing.Start();
        failing.Join();
        Console.WriteLine("main continues");
        Console.WriteLine(failing.IsAlive);

        Thread deep = new Thread(() => Recurse(0));
        deep.Start();
        Console.WriteLine(deep.Join(1000));
        Console.WriteLine("after the overflow");
    }
}
