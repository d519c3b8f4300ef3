namespace nanoFramework.McuMgr.Transport
{
    /// <summary>
    /// Joins an SMP message split across datagrams (BLE writes of MTU - 3 bytes): complete once 8 + the header's
    /// length bytes are in. A message larger than the buffer is reported once and its remaining bytes skipped.
    /// </summary>
    public sealed class Reassembler
    {
        public const int NeedMore = 0;
        public const int Complete = 1;
        public const int TooLarge = 2;

        readonly byte[] _buffer;
        int _length;
        int _skip;
        bool _delivered;

        public Reassembler(int size) { _buffer = new byte[size]; }

        /// <summary>After Complete: the message (and whatever followed it in its datagram); after TooLarge: its header.</summary>
        public byte[] Buffer { get { return _buffer; } }
        public int Length { get { return _length; } }

        public void Reset()
        {
            _length = 0;
            _skip = 0;
            _delivered = false;
        }

        public int Add(byte[] data, int offset, int count)
        {
            if (_delivered)
            {
                _length = 0;
                _delivered = false;
            }
            int skipped = count < _skip ? count : _skip;
            _skip -= skipped;
            offset += skipped;
            count -= skipped;
            if (count == 0)
                return NeedMore;

            int room = _buffer.Length - _length;
            int taken = count < room ? count : room;
            Bytes.Copy(data, offset, _buffer, _length, taken);
            int seen = _length + count;
            _length += taken;
            if (_length < Smp.HeaderSize)
                return NeedMore;
            int expected = Smp.HeaderSize + (_buffer[2] << 8 | _buffer[3]);
            if (expected > _buffer.Length)
            {
                _skip = expected > seen ? expected - seen : 0;
                _length = Smp.HeaderSize;
                _delivered = true;
                return TooLarge;
            }
            if (_length < expected)
                return NeedMore;
            _delivered = true;
            return Complete;
        }
    }
}
