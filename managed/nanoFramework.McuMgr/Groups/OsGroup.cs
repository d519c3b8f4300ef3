using System;
using nanoFramework.McuMgr.Cbor;

namespace nanoFramework.McuMgr.Groups
{
    /// <summary>OS group (0): echo, date-time, reset, mcumgr parameters, OS/application info, bootloader info.</summary>
    public sealed class OsGroup : ISmpGroup
    {
        readonly IDeviceServices _device;
        readonly int _bufferSize;
        readonly int _bufferCount;

        public OsGroup(IDeviceServices device, int bufferSize, int bufferCount)
        {
            _device = device;
            _bufferSize = bufferSize;
            _bufferCount = bufferCount;
        }

        public int Id { get { return Smp.GroupOs; } }

        public int Handle(SmpRequest request, CborReader body, CborWriter answer)
        {
            bool read = request.Op == Smp.OpRead;
            switch (request.Command)
            {
                case Smp.OsEcho:
                    return Echo(body, answer);
                case Smp.OsDateTime:
                    return read ? ReadDateTime(answer) : WriteDateTime(body, answer);
                case Smp.OsReset:
                    if (read)
                        break;
                    answer.BeginMap(0);
                    request.ResetAfterSend = true;
                    return 0;
                case Smp.OsParameters:
                    if (!read)
                        break;
                    answer.BeginMap(2);
                    answer.WriteEntry("buf_size", _bufferSize);
                    answer.WriteEntry("buf_count", _bufferCount);
                    return 0;
                case Smp.OsInfo:
                    return read ? Info(body, answer) : SmpResult.NotSupported;
                case Smp.OsBootloaderInfo:
                    return read ? BootloaderInfo(body, answer) : SmpResult.NotSupported;
            }
            return SmpResult.NotSupported;
        }

        static int Echo(CborReader body, CborWriter answer)
        {
            string text = TextField(body, "d");
            if (text == null)
                return SmpResult.InvalidValue;
            answer.BeginMap(1);
            answer.WriteText("r");
            answer.WriteText(text);
            return 0;
        }

        int ReadDateTime(CborWriter answer)
        {
            long ticks = _device.UtcTicks;
            if (ticks < 0)
                return OsError.RtcNotSet;
            answer.BeginMap(1);
            answer.WriteText("datetime");
            answer.WriteText(new DateTime(ticks).ToString("s"));
            return 0;
        }

        int WriteDateTime(CborReader body, CborWriter answer)
        {
            string text = TextField(body, "datetime");
            if (text == null)
                return SmpResult.InvalidValue;
            long ticks = DateTimeText.Parse(text);
            if (ticks < 0)
                return OsError.InvalidFormat;
            _device.UtcTicks = ticks;
            answer.BeginMap(0);
            return 0;
        }

        // Zephyr's format letters; "a" is all of them.
        const string InfoFields = "snrvbmpio";

        int Info(CborReader body, CborWriter answer)
        {
            string format = TextField(body, "format");
            if (format == null || format.Length == 0)
                format = "s";
            if (format == "a")
                format = InfoFields;
            string output = "";
            for (int i = 0; i < format.Length; i++)
            {
                if (InfoFields.IndexOf(format[i]) < 0)
                    return OsError.InvalidFormat;
                output = output.Length == 0 ? _device.AppInfo(format[i]) : output + " " + _device.AppInfo(format[i]);
            }
            answer.BeginMap(1);
            answer.WriteText("output");
            answer.WriteText(output);
            return 0;
        }

        int BootloaderInfo(CborReader body, CborWriter answer)
        {
            string query = TextField(body, "query");
            if (query == null)
            {
                answer.BeginMap(1);
                answer.WriteText("bootloader");
                answer.WriteText("MCUboot");
            }
            else if (query == "mode")
            {
                answer.BeginMap(2);
                answer.WriteEntry("mode", _device.BootloaderMode);
                answer.WriteText("no-downgrade");
                answer.WriteBool(_device.NoDowngrade);
            }
            else if (query == "active_b0_slot" && _device.ActiveB0Slot >= 0)
            {
                // nRF Connect SDK's form (its os_mgmt hook), read by Device Manager as "active".
                answer.BeginMap(1);
                answer.WriteEntry("active", _device.ActiveB0Slot);
            }
            else
            {
                return OsError.QueryYieldsNoAnswer;
            }
            return 0;
        }

        /// <summary>The body's text field of that key; null when absent (a non-text value is a decode error).</summary>
        static string TextField(CborReader body, string key)
        {
            string value = null;
            int remaining = body.BeginMap();
            while (body.NextItem(ref remaining))
            {
                byte[] k = body.ReadKey(out int offset, out int count);
                if (k != null && CborReader.IsText(k, offset, count, key))
                    value = body.ReadText();
                else
                    body.Skip();
            }
            return value;
        }
    }
}
