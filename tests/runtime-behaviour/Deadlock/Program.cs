using System;
using System.Threading;

// Two threads take two locks in opposite orders: every thread ends up blocked for ever.
class Program
{
    static readonly object s_a = new object(), s_b = new object();

    static void Main()
    {
        Thread other = new Thread(() =>
        {
            lock (s_b)
            {
                Thread.Sleep(10);
                lock (s_a)
                    Console.WriteLine("never");
            }
        });
        other.Start();
        lock (s_a)
        {
            Thread.Sleep(10);
            Console.WriteLine("waiting for b");
            lock (s_b)
                Console.WriteLine("never");
        }
    }
}
