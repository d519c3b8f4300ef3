using System;
using System.Threading;
using nanoFramework.Hardware.Nrf;
using nanoFramework.McuMgr;
using nanoFramework.McuMgr.Device;

namespace SampleApp
{
    /// <summary>
    /// Firmware update over SMP (mcumgr) on every transport the board offers, and the app's health policy: a test
    /// image confirms itself once it has run ConfirmAfterSeconds with the SMP server up. An image that cannot serve
    /// SMP never gets there, so the next reset reverts it (managed/README.md).
    /// </summary>
    public static class UpdateService
    {
        /// <summary>How long a test image must serve SMP before it confirms itself.</summary>
        public const int ConfirmAfterSeconds = 10;

        /// <summary>Serves SMP on one thread per transport and prints "ready"; false when the board has none.</summary>
        public static bool Start()
        {
            NrfSmpTransport[] transports = NrfSmpTransport.All();
            if (transports.Length == 0)
            {
                return false;
            }

            // One server for every transport: one upload session and one lock over the upload slot.
            SmpServer server = new SmpServer(new NrfImageSlots(), new NrfDeviceServices());
            string names = "";
            foreach (NrfSmpTransport transport in transports)
            {
                Thread serving = new Thread(new Serving(server, transport).Run);
                serving.Start();
                names = names.Length == 0 ? transport.Name : names + ", " + transport.Name;
            }

            Console.WriteLine("ready: SMP server on " + names);
            return true;
        }

        /// <summary>The health policy: after ConfirmAfterSeconds of serving, confirm the running app if it is on trial.</summary>
        public static void ConfirmWhenHealthy()
        {
            Thread.Sleep(ConfirmAfterSeconds * 1000);
            foreach (FirmwareImage image in Firmware.GetImages())
            {
                if (image.Image == 0 && image.Active && !image.Confirmed)
                {
                    Firmware.ConfirmRunningImage();
                    Console.WriteLine("health: the running app served SMP for " + ConfirmAfterSeconds +
                                      " s; confirmed it");
                }
            }
        }

        sealed class Serving
        {
            readonly SmpServer _server;
            readonly ISmpTransport _transport;

            public Serving(SmpServer server, ISmpTransport transport)
            {
                _server = server;
                _transport = transport;
            }

            public void Run()
            {
                _server.Run(_transport);
            }
        }
    }
}
