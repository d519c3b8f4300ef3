using System;
using System.Threading;
using nanoFramework.Hardware.Nrf;

// The board's SMP channels from C#: each echoes what it receives once, while a second thread keeps counting
// (receiving must not stop other managed threads).
class Program
{
    static int s_ticks;

    static void Main()
    {
        SmpChannel[] channels = SmpChannel.GetChannels();
        Thread counter = new Thread(Count);
        counter.IsBackground = true;
        counter.Start();
        foreach (SmpChannel channel in channels)
        {
            Console.WriteLine(channel.Name + " " + channel.IsStream + " " + channel.MaxReceive);
        }

        Console.WriteLine("ready");
        byte[] buffer = new byte[channels.Length > 0 ? channels[0].MaxReceive : 1];
        int ticksBefore = s_ticks;
        Console.WriteLine(channels[0].Receive(buffer, 50));
        Console.WriteLine(s_ticks > ticksBefore);
        foreach (SmpChannel channel in channels)
        {
            byte[] data = new byte[channel.MaxReceive];
            int count = 0;
            while (count == 0)
            {
                count = channel.Receive(data, 1000);
            }

            Console.WriteLine(count);
            Console.WriteLine(channel.Send(data, 0, count));
        }
    }

    static void Count()
    {
        for (;;)
        {
            s_ticks++;
            Thread.Sleep(1);
        }
    }
}
