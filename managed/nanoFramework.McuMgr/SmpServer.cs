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

        /// <summary>Buffers of BufferSize a transport's requests go through: its receive (reassembly or serial
        /// decoding) buffer and the answer.</summary>
        public const int BufferCount = 2;

        static readonly byte[] EmptyMap = { 0xa0 };

        readonly ISmpGroup[] _groups;
        readonly IDeviceServices _device;
        readonly byte[] _answer;
        readonly CborWriter _writer;
        readonly SmpRequest _request = new SmpRequest();
        readonly SerialEncoder _serialEncoder = new SerialEncoder();
        // Each transport keeps its own reassembly (datagrams) or serial decoder (stream); the answer buffer and
        // the groups are shared, so requests are served one at a time (_gate) whatever thread polls.
        ISmpTransport[] _transports = new ISmpTransport[0];
        object[] _receivers = new object[0];
        readonly object _gate = new object();
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
        }

        public int BufferSize { get { return _answer.Length; } }

        /// <summary>Every answer to the requests in the packet, one after another (empty when there is none).</summary>
        public byte[] Handle(byte[] packet, int offset, int count)
        {
            lock (_gate)
                return HandleAll(packet, offset, count);
        }

        byte[] HandleAll(byte[] packet, int offset, int count)
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

        /// <summary>Serves the transport until Stop; resets the device after a reset answer went out. Several
        /// transports may each have their Run on a thread of their own.</summary>
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
            lock (_gate)
            {
                object receiver = ReceiverOf(transport);
                Reassembler reassembler = receiver as Reassembler;
                if (count <= 0)
                {
                    // A message whose rest never came is dropped rather than joined to the next one.
                    if (reassembler != null)
                        reassembler.Reset();
                    return false;
                }
                if (reassembler == null)
                {
                    SerialDecoder decoder = (SerialDecoder)receiver;
                    for (int at = 0; at < count;)
                    {
                        at += decoder.Feed(receive, at, count - at);
                        if (decoder.Complete)
                            Serve(transport, decoder.Packet, SerialDecoder.PacketOffset, decoder.PacketLength);
                    }
                    return true;
                }
                int state = reassembler.Add(receive, 0, count);
                if (state == Reassembler.Complete)
                    Serve(transport, reassembler.Buffer, 0, reassembler.Length);
                else if (state == Reassembler.TooLarge)
                    Send(transport, AnswerTooLarge(reassembler.Buffer));
                return true;
            }
        }

        /// <summary>The transport's reassembler or serial decoder, made the first time it is polled.</summary>
        object ReceiverOf(ISmpTransport transport)
        {
            int n = _transports.Length;
            for (int i = 0; i < n; i++)
                if (_transports[i] == transport)
                    return _receivers[i];
            ISmpTransport[] transports = new ISmpTransport[n + 1];
            object[] receivers = new object[n + 1];
            for (int i = 0; i < n; i++)
            {
                transports[i] = _transports[i];
                receivers[i] = _receivers[i];
            }
            transports[n] = transport;
            receivers[n] = transport.IsStream ? (object)new SerialDecoder(_answer.Length) : new Reassembler(_answer.Length);
            _transports = transports;
            _receivers = receivers;
            return receivers[n];
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
