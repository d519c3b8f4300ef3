using System;
using nanoFramework.Runtime.Events;

// Run with 20 events posted into the 16-entry queue: 16 arrive in order, 4 are counted as lost.
class Program
{
    static void Main()
    {
        uint source, data0, data1;
        while (NativeEventQueue.WaitForEvent(0, out source, out data0, out data1))
        {
            Console.Write(source.ToString());
            Console.Write(" ");
            Console.Write(data0.ToString());
            Console.Write(" ");
            Console.WriteLine(data1.ToString());
        }

        Console.WriteLine(NativeEventQueue.LostCount);
        Console.WriteLine(NativeEventQueue.WaitForEvent(50, out source, out data0, out data1));
    }
}
