using System.Runtime.CompilerServices;
using System.Threading;

namespace nanoFramework.Hardware.Nrf
{
    /// <summary>
    /// A transport the board offers for SMP (mcumgr): datagrams (UDP, BLE writes: one SMP packet per receive) or a
    /// byte stream (a UART, which carries mcumgr's serial framing). Receiving polls between short sleeps, so other
    /// managed threads keep running while it waits.
    /// </summary>
    public sealed class SmpChannel
    {
        private const int PollMs = 5;

        private readonly int _index;

        private SmpChannel(int index)
        {
            _index = index;
        }

        /// <summary>The board's channels (none when it offers no SMP transport).</summary>
        public static SmpChannel[] GetChannels()
        {
            SmpChannel[] channels = new SmpChannel[CountNative()];
            for (int i = 0; i < channels.Length; i++)
            {
                channels[i] = new SmpChannel(i);
            }

            return channels;
        }

        /// <summary>e.g. "udp 127.0.0.1:1337".</summary>
        public string Name
        {
            get { return NameNative(_index); }
        }

        public bool IsStream
        {
            get { return IsStreamNative(_index); }
        }

        /// <summary>Largest datagram (or stream read) Receive returns.</summary>
        public int MaxReceive
        {
            get { return MaxReceiveNative(_index); }
        }

        /// <summary>What arrived (one datagram, or the stream bytes available), waiting at most timeoutMs; 0 for nothing.</summary>
        public int Receive(byte[] buffer, int timeoutMs)
        {
            long end = System.Environment.TickCount64 + timeoutMs;
            for (;;)
            {
                int count = ReceiveNative(_index, buffer);
                if (count > 0 || System.Environment.TickCount64 >= end)
                {
                    return count > 0 ? count : 0;
                }

                Thread.Sleep(PollMs);
            }
        }

        /// <summary>Sends a datagram (to the last sender) or stream bytes; false when nobody is there to take it.</summary>
        public bool Send(byte[] buffer, int offset, int count)
        {
            return SendNative(_index, buffer, offset, count) == 0;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int CountNative();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool IsStreamNative(int channel);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int MaxReceiveNative(int channel);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string NameNative(int channel);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ReceiveNative(int channel, byte[] buffer);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int SendNative(int channel, byte[] buffer, int offset, int count);
    }
}
