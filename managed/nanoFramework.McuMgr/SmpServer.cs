using System;
using nanoFramework.McuMgr.Cbor;
using nanoFramework.McuMgr.Groups;
using nanoFramework.McuMgr.Transport;

namespace nanoFramework.McuMgr
{
    /// <summary>
    /// The SMP server: turns request packets into answers (Handle, for tests and any transport) and runs the loop
    /// over an ISmpTransport (Run). A packet may hold several requests; each gets one answer. Bad input gets an
    /// error answer (or none when there is no header to answer), never an exception.
    /// </summary>
    public sealed class SmpServer
    {
        /// <summary>Packet buffer size as nRF Connect SDK's DFU setting has it (header included).</summary>
        public const int DefaultBufferSize = 2475;

        /// <summary>Buffers of BufferSize the server holds: the receive (reassembly) buffer and the answer.</summary>
        public const int BufferCount = 2;

        static readonly byte[] EmptyMap = { 0xa0 };

        readonly ISmpGroup[] _groups;
        readonly IDeviceServices _device;
        readonly byte[] _answer;
        readonly CborWriter _writer;
        readonly SmpRequest _request = new SmpRequest();
        readonly Reassembler _reassembler;
        readonly SerialDecoder _serialDecoder;
        readonly SerialEncoder _serialEncoder;
        bool _stop;

        public SmpServer(IImageSlots slots, IDeviceServices device) : this(slots, device, DefaultBufferSize) { }

        public SmpServer(IImageSlots slots, IDeviceServices device, int bufferSize)
        {
            _device = device;
            _groups = new ISmpGroup[]
            {
                new OsGroup(device, bufferSize, BufferCount), new ImageGroup(slots), new BasicGroup(device),
            };
            _answer = new byte[bufferSize];
            _writer = new CborWriter(_answer, Smp.HeaderSize, bufferSize - Smp.HeaderSize);
            _reassembler = new Reassembler(bufferSize);
            _serialDecoder = new SerialDecoder(bufferSize);
            _serialEncoder = new SerialEncoder();
        }

        public int BufferSize { get { return _answer.Length; } }

        /// <summary>Every answer to the requests in the packet, one after another (empty when there is none).</summary>
        public byte[] Handle(byte[] packet, int offset, int count)
        {
            byte[] all = new byte[0];
            int at = offset, end = offset + count;
            while (at < end)
            {
                int length = HandleNext(packet, ref at, end);
                if (length == 0)
                    continue;
                byte[] joined = new byte[all.Length + length];
                Bytes.Copy(all, 0, joined, 0, all.Length);
                Bytes.Copy(_answer, 0, joined, all.Length, length);
                all = joined;
            }
            return all;
        }

        public byte[] Handle(byte[] packet) { return Handle(packet, 0, packet.Length); }

        /// <summary>Serves the transport until Stop; resets the device after a reset answer went out.</summary>
        public void Run(ISmpTransport transport)
        {
            byte[] receive = new byte[transport.MaxReceive];
            _stop = false;
            while (!_stop)
                Poll(transport, receive, 1000);
        }

        public void Stop() { _stop = true; }

        /// <summary>One receive and whatever it completes; false when nothing arrived within the timeout.</summary>
        public bool Poll(ISmpTransport transport, byte[] receive, int timeoutMs)
        {
            int count = transport.Receive(receive, timeoutMs);
            if (count <= 0)
            {
                // A message whose rest never came is dropped rather than joined to the next one.
                _reassembler.Reset();
                return false;
            }
            if (transport.IsStream)
            {
                for (int at = 0; at < count;)
                {
                    at += _serialDecoder.Feed(receive, at, count - at);
                    if (_serialDecoder.Complete)
                        Serve(transport, _serialDecoder.Packet, SerialDecoder.PacketOffset, _serialDecoder.PacketLength);
                }
                return true;
            }
            int state = _reassembler.Add(receive, 0, count);
            if (state == Reassembler.Complete)
                Serve(transport, _reassembler.Buffer, 0, _reassembler.Length);
            else if (state == Reassembler.TooLarge)
                Send(transport, AnswerTooLarge(_reassembler.Buffer));
            return true;
        }

        void Serve(ISmpTransport transport, byte[] packet, int offset, int count)
        {
            int at = offset, end = offset + count;
            while (at < end)
            {
                int length = HandleNext(packet, ref at, end);
                if (length == 0)
                    continue;
                bool reset = _request.ResetAfterSend;
                Send(transport, length);
                if (reset)
                    _device.Reset();
            }
        }

        void Send(ISmpTransport transport, int length)
        {
            if (transport.IsStream)
            {
                byte[] framed = _serialEncoder.Encode(_answer, 0, length);
                transport.Send(framed, 0, framed.Length);
            }
            else
            {
                transport.Send(_answer, 0, length);
            }
        }

        int AnswerTooLarge(byte[] header)
        {
            _request.ReadHeader(header, 0);
            return Answer(SmpResult.Protocol(MgmtError.TooLarge));
        }

        /// <summary>The answer to the request at `at` (which moves past it) in _answer: its length, 0 for none.</summary>
        int HandleNext(byte[] packet, ref int at, int end)
        {
            if (end - at < Smp.HeaderSize)
            {
                at = end; // too short to carry a header: nothing to answer to
                return 0;
            }
            SmpRequest request = _request;
            request.ReadHeader(packet, at);
            int body = at + Smp.HeaderSize;
            bool truncated = request.Length > end - body;
            at = truncated ? end : body + request.Length;
            if (request.Op != Smp.OpRead && request.Op != Smp.OpWrite)
                return 0; // an answer (or a reserved op) is not a request
            if (truncated)
                return Answer(SmpResult.Protocol(MgmtError.Corrupt));
            if (request.Version > Smp.Version2)
                return Answer(SmpResult.Protocol(MgmtError.TooNew));
            ISmpGroup group = Find(request.Group);
            if (group == null)
                return Answer(SmpResult.NotSupported);

            byte[] bodyBuffer = packet;
            int bodyLength = request.Length;
            if (bodyLength == 0)
            {
                bodyBuffer = EmptyMap; // mcumgr-web sends no body at all for requests without arguments
                body = 0;
                bodyLength = 1;
            }
            if (!IsOneMap(bodyBuffer, body, bodyLength))
                return Answer(SmpResult.InvalidValue);

            int rc;
            _writer.Truncate(0);
            try
            {
                rc = group.Handle(request, new CborReader(bodyBuffer, body, bodyLength), _writer);
            }
            catch (CborException)
            {
                rc = SmpResult.InvalidValue; // a field of the wrong type, or an answer too large for the buffer
            }
            catch (Exception)
            {
                rc = SmpResult.Protocol(MgmtError.Unknown);
            }
            return Answer(rc);
        }

        /// <summary>True when the body is exactly one well-formed CBOR map.</summary>
        static bool IsOneMap(byte[] buffer, int offset, int count)
        {
            CborReader reader = new CborReader(buffer, offset, count);
            try
            {
                if (reader.PeekMajor() != CborMajor.Map)
                    return false;
                reader.Skip();
                return reader.AtEnd;
            }
            catch (CborException)
            {
                return false;
            }
        }

        ISmpGroup Find(int id)
        {
            for (int i = 0; i < _groups.Length; i++)
                if (_groups[i].Id == id)
                    return _groups[i];
            return null;
        }

        /// <summary>Completes the answer in _answer: the error body when rc is not 0, then the header.</summary>
        int Answer(int rc)
        {
            SmpRequest request = _request;
            if (rc != 0)
            {
                _writer.Truncate(0);
                try
                {
                    WriteError(rc, request.Reason);
                }
                catch (CborException)
                {
                    _writer.Truncate(0);
                    WriteError(rc, null); // the reason did not fit
                }
            }
            request.WriteResponseHeader(_answer, 0, _writer.Length);
            return Smp.HeaderSize + _writer.Length;
        }

        void WriteError(int rc, string reason)
        {
            int entries = reason == null ? 1 : 2;
            _writer.BeginMap(entries);
            if (rc > 0 && _request.Version == Smp.Version2)
            {
                _writer.WriteText("err");
                _writer.BeginMap(2);
                _writer.WriteEntry("group", _request.Group);
                _writer.WriteEntry("rc", rc);
            }
            else
            {
                _writer.WriteEntry("rc", rc > 0 ? rc : -rc);
            }
            if (reason != null)
            {
                _writer.WriteText("rsn");
                _writer.WriteText(reason);
            }
        }
    }
}
