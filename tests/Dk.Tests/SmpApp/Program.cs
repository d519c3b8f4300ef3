using System.Threading;
using nanoFramework.McuMgr;
using nanoFramework.McuMgr.Device;

namespace Dk.SmpApp
{
    /// <summary>Serves SMP on every board channel: one server (and thread) per channel, one device behind them.</summary>
    public static class Program
    {
        static readonly NrfImageSlots s_slots = new NrfImageSlots();
        static readonly NrfDeviceServices s_device = new NrfDeviceServices();

        public static void Main()
        {
            NrfSmpTransport[] transports = NrfSmpTransport.All();
            for (int i = 1; i < transports.Length; i++)
                new Thread(new Channel(transports[i]).Serve).Start();
            if (transports.Length > 0)
                new Channel(transports[0]).Serve();
        }

        sealed class Channel
        {
            readonly ISmpTransport _transport;

            public Channel(ISmpTransport transport) { _transport = transport; }

            public void Serve() { new SmpServer(s_slots, s_device).Run(_transport); }
        }
    }
}
