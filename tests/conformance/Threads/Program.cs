using System;
using System.Threading;

// Threads with deterministic output: Join, lock contention, Monitor.Wait/Pulse producer-consumer, wait
// handles, Interlocked, Sleep ordering, timers, thread-local exceptions.
class Program
{
    static readonly object s_gate = new object();
    static int s_counter;
    static int s_interlocked;

    static void Count()
    {
        for (int i = 0; i < 20000; i++)
        {
            lock (s_gate)
            {
                int v = s_counter;
                v++;
                s_counter = v;
            }

            Interlocked.Increment(ref s_interlocked);
        }
    }

    // A bounded queue of one slot: producer and consumer alternate with Wait/Pulse.
    static int s_slot;
    static bool s_full;

    static void Produce()
    {
        for (int i = 1; i <= 5; i++)
        {
            lock (s_gate)
            {
                while (s_full)
                    Monitor.Wait(s_gate);
                s_slot = i * 10;
                s_full = true;
                Monitor.PulseAll(s_gate);
            }
        }
    }

    static int Consume()
    {
        int sum = 0;
        for (int i = 0; i < 5; i++)
        {
            lock (s_gate)
            {
                while (!s_full)
                    Monitor.Wait(s_gate);
                sum += s_slot;
                s_full = false;
                Monitor.PulseAll(s_gate);
            }
        }

        return sum;
    }

    static void Main()
    {
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(Count);
            workers[i].Start();
        }

        for (int i = 0; i < workers.Length; i++)
            workers[i].Join();
        Console.WriteLine(s_counter);
        Console.WriteLine(s_interlocked);
        Console.WriteLine(workers[0].IsAlive);

        Thread producer = new Thread(Produce);
        producer.Start();
        Console.WriteLine(Consume());
        producer.Join();

        ManualResetEvent go = new ManualResetEvent(false);
        AutoResetEvent done = new AutoResetEvent(false);
        int ran = 0;
        for (int i = 0; i < 3; i++)
        {
            new Thread(() =>
            {
                go.WaitOne();
                if (Interlocked.Increment(ref ran) == 3)
                    done.Set();
            }).Start();
        }

        Console.WriteLine(ran);
        go.Set();
        done.WaitOne();
        Console.WriteLine(ran);
        Console.WriteLine(done.WaitOne(10));

        // Sleeps order the output: each thread prints after its own delay.
        Thread slow = new Thread(() => { Thread.Sleep(60); Console.WriteLine("slow"); });
        Thread fast = new Thread(() => { Thread.Sleep(20); Console.WriteLine("fast"); });
        slow.Start();
        fast.Start();
        slow.Join();
        fast.Join();

        Thread sleeper = new Thread(() => Thread.Sleep(200));
        sleeper.Start();
        Console.WriteLine(sleeper.Join(10));
        Console.WriteLine(sleeper.Join(1000));

        int ticks = 0;
        AutoResetEvent third = new AutoResetEvent(false);
        Timer timer = new Timer(state =>
        {
            if (Interlocked.Increment(ref ticks) == 3)
                third.Set();
        }, null, 10, 10);
        Console.WriteLine(third.WaitOne(5000));
        timer.Dispose();

        try
        {
            Monitor.Exit(s_gate);
        }
        catch (SynchronizationLockException e)
        {
            Console.WriteLine(e.Message);
        }

        try
        {
            producer.Start();
        }
        catch (ThreadStateException e)
        {
            Console.WriteLine(e.GetType().Name);
        }

        Console.WriteLine(Monitor.TryEnter(s_gate));
        Console.WriteLine(Monitor.IsEntered(s_gate));
        Monitor.Exit(s_gate);

        int caught = 0;
        Thread thrower = new Thread(() =>
        {
            try
            {
                throw new InvalidOperationException("inner");
            }
            catch (InvalidOperationException)
            {
                caught = 1;
            }
        });
        thrower.Start();
        thrower.Join();
        Console.WriteLine(caught);
        Console.WriteLine(Thread.CurrentThread.ManagedThreadId == Thread.CurrentThread.ManagedThreadId);
    }
}
