namespace nanoFramework.McuMgr.Transport
{
    /// <summary>
    /// mcumgr's serial (console) framing: a packet travels as u16 total length (packet + 2) || packet ||
    /// CRC-16/XMODEM of the packet, all big-endian, base64-encoded in lines ending in '\n' of at most 127 bytes;
    /// the first line starts 0x06 0x09, the others 0x04 0x14.
    /// </summary>
    public static class SerialFraming
    {
        public const byte StartFirst = 0x06, StartSecond = 0x09;
        public const byte ContinueFirst = 0x04, ContinueSecond = 0x14;
        public const byte End = 0x0a;
        public const int MaxLine = 127;

        /// <summary>Raw bytes per line: 124 base64 characters, a whole number of quanta, fit 127 with marker and '\n'.</summary>
        public const int BytesPerLine = 93;
    }

    /// <summary>Turns answers into framed lines.</summary>
    public sealed class SerialEncoder
    {
        public byte[] Encode(byte[] packet, int offset, int count)
        {
            byte[] raw = new byte[count + 4];
            raw[0] = (byte)((count + 2) >> 8);
            raw[1] = (byte)(count + 2);
            Bytes.Copy(packet, offset, raw, 2, count);
            int crc = Crc16.Compute(packet, offset, count);
            raw[count + 2] = (byte)(crc >> 8);
            raw[count + 3] = (byte)crc;

            int lines = (raw.Length + SerialFraming.BytesPerLine - 1) / SerialFraming.BytesPerLine;
            byte[] framed = new byte[lines * 3 + (raw.Length + 2) / 3 * 4];
            int at = 0;
            for (int i = 0; i < raw.Length; i += SerialFraming.BytesPerLine)
            {
                framed[at++] = i == 0 ? SerialFraming.StartFirst : SerialFraming.ContinueFirst;
                framed[at++] = i == 0 ? SerialFraming.StartSecond : SerialFraming.ContinueSecond;
                int chunk = raw.Length - i < SerialFraming.BytesPerLine ? raw.Length - i : SerialFraming.BytesPerLine;
                at += Base64.Encode(raw, i, chunk, framed, at);
                framed[at++] = SerialFraming.End;
            }
            return framed;
        }
    }

    /// <summary>
    /// Takes stream bytes one at a time and yields packets. Console text between frames is skipped; a line that
    /// does not decode, a length larger than the buffer, or a bad CRC drops the packet.
    /// </summary>
    public sealed class SerialDecoder
    {
        /// <summary>Where a completed packet starts in Packet (after the two length bytes).</summary>
        public const int PacketOffset = 2;

        // Lines we send stay within 127 bytes; received ones may be longer (clients differ on the limit).
        readonly byte[] _line = new byte[4 * SerialFraming.MaxLine];
        int _lineLength;
        bool _lineTooLong;

        readonly byte[] _decoded;
        int _decodedLength;
        int _expected = -1; // total of the packet being decoded (length field + 2), -1 for none

        public SerialDecoder(int packetSize) { _decoded = new byte[packetSize + 4]; }

        public byte[] Packet { get { return _decoded; } }
        public int PacketLength { get; private set; }

        /// <summary>True when the last byte Feed consumed completed a packet: PacketLength bytes at PacketOffset in Packet.</summary>
        public bool Complete { get; private set; }

        /// <summary>Takes stream bytes up to the end of the next complete packet (or all of them): the count consumed.</summary>
        public int Feed(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                if (b != SerialFraming.End)
                {
                    if (_lineLength < _line.Length)
                        _line[_lineLength++] = b;
                    else
                        _lineTooLong = true;
                    continue;
                }
                bool complete = !_lineTooLong && Line();
                _lineLength = 0;
                _lineTooLong = false;
                if (complete)
                {
                    Complete = true;
                    return i + 1;
                }
            }
            Complete = false;
            return count;
        }

        readonly byte[] _one = new byte[1];

        /// <summary>One byte: true when it completed a packet.</summary>
        public bool Push(byte b)
        {
            _one[0] = b;
            Feed(_one, 0, 1);
            return Complete;
        }

        bool Line()
        {
            if (_lineLength < 2)
                return false;
            bool first = _line[0] == SerialFraming.StartFirst && _line[1] == SerialFraming.StartSecond;
            bool next = _line[0] == SerialFraming.ContinueFirst && _line[1] == SerialFraming.ContinueSecond;
            if (first)
            {
                _decodedLength = 0;
                _expected = 0;
            }
            else if (!next || _expected < 0)
            {
                return false; // console text, or a continuation without its start
            }
            int n = Base64.Decode(_line, 2, _lineLength - 2, _decoded, _decodedLength, _decoded.Length);
            if (n < 0)
                return Drop();
            _decodedLength += n;
            if (_decodedLength < 2)
                return false;
            _expected = 2 + (_decoded[0] << 8 | _decoded[1]);
            if (_expected < 4 || _expected > _decoded.Length)
                return Drop();
            if (_decodedLength < _expected)
                return false;
            int packet = _expected - 4;
            int crc = Crc16.Compute(_decoded, PacketOffset, packet);
            bool good = _decodedLength == _expected
                && (_decoded[_expected - 2] << 8 | _decoded[_expected - 1]) == crc;
            _expected = -1;
            PacketLength = packet;
            return good;
        }

        bool Drop()
        {
            _expected = -1;
            return false;
        }
    }
}
