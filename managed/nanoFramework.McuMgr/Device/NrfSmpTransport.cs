using nanoFramework.Hardware.Nrf;

namespace nanoFramework.McuMgr.Device
{
    /// <summary>An SMP transport over one of the board's SmpChannels (UDP datagrams, or a stream with serial framing).</summary>
    public sealed class NrfSmpTransport : ISmpTransport
    {
        readonly SmpChannel _channel;

        public NrfSmpTransport(SmpChannel channel)
        {
            _channel = channel;
        }

        /// <summary>One transport per channel the board offers.</summary>
        public static NrfSmpTransport[] All()
        {
            SmpChannel[] channels = SmpChannel.GetChannels();
            NrfSmpTransport[] all = new NrfSmpTransport[channels.Length];
            for (int i = 0; i < channels.Length; i++)
            {
                all[i] = new NrfSmpTransport(channels[i]);
            }

            return all;
        }

        /// <summary>e.g. "udp 127.0.0.1:1337".</summary>
        public string Name
        {
            get { return _channel.Name; }
        }

        public bool IsStream
        {
            get { return _channel.IsStream; }
        }

        public int MaxReceive
        {
            get { return _channel.MaxReceive; }
        }

        public int Receive(byte[] buffer, int timeoutMs)
        {
            return _channel.Receive(buffer, timeoutMs);
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            _channel.Send(buffer, offset, count); // nobody listening: the answer is lost, as on a wire
        }
    }
}
