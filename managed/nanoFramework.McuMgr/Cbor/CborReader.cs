using System.Text;

namespace nanoFramework.McuMgr.Cbor
{
    /// <summary>
    /// Reads CBOR from a buffer slice, strictly: truncated input, lengths past the end, reserved additional
    /// information, a misplaced break or nesting deeper than MaxDepth throw CborException and nothing else.
    /// Containers: Begin* returns the count, or -1 for indefinite length; then NextItem(ref count) per item.
    /// </summary>
    public sealed class CborReader
    {
        /// <summary>Deepest nesting Skip accepts (SMP bodies nest three levels at most).</summary>
        public const int MaxDepth = 8;

        readonly byte[] _buffer;
        readonly int _end;
        int _position;

        public CborReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
        }

        public bool AtEnd { get { return _position >= _end; } }
        public int Position { get { return _position; } }

        /// <summary>Major type of the next item (CborMajor); 7 also for a break.</summary>
        public int PeekMajor()
        {
            Need(1);
            return _buffer[_position] >> 5;
        }

        /// <summary>True for the next item being null or undefined (consumed then).</summary>
        public bool ReadNullOrUndefined()
        {
            Need(1);
            int b = _buffer[_position];
            if (b != (0xe0 | CborMajor.Null) && b != (0xe0 | CborMajor.Undefined))
                return false;
            _position++;
            return true;
        }

        public int BeginMap() { return BeginContainer(CborMajor.Map); }
        public int BeginArray() { return BeginContainer(CborMajor.Array); }

        /// <summary>
        /// True while the container has another item (for a map: another key); remaining is what Begin* returned
        /// and counts down. An indefinite container's break is consumed here.
        /// </summary>
        public bool NextItem(ref int remaining)
        {
            if (remaining >= 0)
                return remaining-- > 0;
            Need(1);
            if (_buffer[_position] != 0xff)
                return true;
            _position++;
            return false;
        }

        public ulong ReadUInt64()
        {
            ulong value = ReadHead(CborMajor.Unsigned, out _);
            return value;
        }

        /// <summary>An unsigned or negative integer that fits a long.</summary>
        public long ReadInt64()
        {
            int major = PeekMajor();
            if (major != CborMajor.Unsigned && major != CborMajor.Negative)
                throw new CborException("CBOR integer expected");
            ulong value = ReadHead(major, out _);
            if (value > long.MaxValue)
                throw new CborException("CBOR integer out of range");
            return major == CborMajor.Unsigned ? (long)value : -1 - (long)value;
        }

        /// <summary>A non-negative integer up to int.MaxValue (lengths, offsets, numbers of the protocol).</summary>
        public int ReadCount()
        {
            ulong value = ReadHead(CborMajor.Unsigned, out _);
            if (value > int.MaxValue)
                throw new CborException("CBOR integer out of range");
            return (int)value;
        }

        public bool ReadBool()
        {
            Need(1);
            int b = _buffer[_position];
            if (b != (0xe0 | CborMajor.False) && b != (0xe0 | CborMajor.True))
                throw new CborException("CBOR bool expected");
            _position++;
            return b == (0xe0 | CborMajor.True);
        }

        public string ReadText()
        {
            byte[] bytes = ReadString(CborMajor.Text, out int offset, out int count);
            return Encoding.UTF8.GetString(bytes, offset, count);
        }

        /// <summary>A byte string: the array that holds it (the input itself when the string has definite length).</summary>
        public byte[] ReadBytes(out int offset, out int count) { return ReadString(CborMajor.Bytes, out offset, out count); }

        /// <summary>A map key: the array holding its text (as ReadBytes), or null (skipped) when it is not text.</summary>
        public byte[] ReadKey(out int offset, out int count)
        {
            if (_position < _end && _buffer[_position] >> 5 == CborMajor.Text)
                return ReadString(CborMajor.Text, out offset, out count);
            Skip();
            offset = 0;
            count = 0;
            return null;
        }

        /// <summary>True when the bytes hold exactly the ASCII text key.</summary>
        public static bool Equals(byte[] bytes, int offset, int count, string key)
        {
            if (count != key.Length)
                return false;
            for (int i = 0; i < count; i++)
                if (bytes[offset + i] != key[i])
                    return false;
            return true;
        }

        /// <summary>Skips one whole item, nested ones included.</summary>
        public void Skip() { Skip(0); }

        void Skip(int depth)
        {
            if (depth >= MaxDepth)
                throw new CborException("CBOR nested too deeply");
            if (_position >= _end)
                throw Truncated();
            int major = _buffer[_position] >> 5;
            switch (major)
            {
                case CborMajor.Unsigned:
                case CborMajor.Negative:
                    ReadHead(major, out _);
                    break;
                case CborMajor.Bytes:
                case CborMajor.Text:
                    ReadString(major, out _, out _);
                    break;
                case CborMajor.Array:
                case CborMajor.Map:
                    int remaining = BeginContainer(major);
                    int per = major == CborMajor.Map ? 2 : 1;
                    while (NextItem(ref remaining))
                        for (int i = 0; i < per; i++)
                            Skip(depth + 1);
                    break;
                case CborMajor.Tag:
                    ReadHead(major, out _);
                    Skip(depth + 1);
                    break;
                default:
                    SkipSimple();
                    break;
            }
        }

        void SkipSimple()
        {
            int info = _buffer[_position] & 0x1f;
            if (info == CborMajor.Indefinite)
                throw new CborException("CBOR break outside an indefinite-length item");
            if (info >= 28)
                throw new CborException("CBOR reserved additional information");
            int size = info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : info == 27 ? 8 : 0;
            Need(1 + size);
            if (info == 24 && _buffer[_position + 1] < 32)
                throw new CborException("CBOR simple value in two bytes below 32");
            _position += 1 + size;
        }

        int BeginContainer(int major)
        {
            if (_position >= _end)
                throw Truncated();
            if (_buffer[_position] >> 5 != major)
                throw new CborException(major == CborMajor.Map ? "CBOR map expected" : "CBOR array expected");
            if ((_buffer[_position] & 0x1f) == CborMajor.Indefinite)
            {
                _position++;
                return -1;
            }
            ulong count = ReadHead(major, out _);
            // Every item takes at least a byte: a count beyond the input is truncated input, caught here.
            if (count > (ulong)(_end - _position))
                throw new CborException("CBOR container longer than its input");
            return (int)count;
        }

        byte[] ReadString(int major, out int offset, out int count)
        {
            if (_position >= _end)
                throw Truncated();
            int initial = _buffer[_position];
            if (initial >> 5 != major)
                throw new CborException(major == CborMajor.Text ? "CBOR text expected" : "CBOR byte string expected");
            if ((initial & 0x1f) != CborMajor.Indefinite)
            {
                ulong length = ReadHead(major, out _);
                if (length > (ulong)(_end - _position))
                    throw new CborException("CBOR string longer than its input");
                offset = _position;
                count = (int)length;
                _position += count;
                return _buffer;
            }

            // Indefinite: definite chunks of the same major type up to a break, joined into a new array.
            _position++;
            int first = _position;
            int total = 0;
            while (true)
            {
                Need(1);
                if (_buffer[_position] == 0xff)
                    break;
                ReadDefiniteString(major, out _, out int chunk);
                total += chunk;
            }
            byte[] joined = new byte[total];
            int at = 0;
            _position = first;
            while (_buffer[_position] != 0xff)
            {
                ReadDefiniteString(major, out int chunkOffset, out int chunk);
                for (int i = 0; i < chunk; i++)
                    joined[at++] = _buffer[chunkOffset + i];
            }
            _position++;
            offset = 0;
            count = total;
            return joined;
        }

        byte[] ReadDefiniteString(int major, out int offset, out int count)
        {
            if (PeekMajor() != major || (_buffer[_position] & 0x1f) == CborMajor.Indefinite)
                throw new CborException("CBOR indefinite string chunk is not a definite string of its type");
            ulong length = ReadHead(major, out _);
            if (length > (ulong)(_end - _position))
                throw new CborException("CBOR string longer than its input");
            offset = _position;
            count = (int)length;
            _position += count;
            return _buffer;
        }

        /// <summary>The argument of the next item's head, which must have that major type and a definite argument.</summary>
        ulong ReadHead(int major, out int info)
        {
            if (_position >= _end)
                throw Truncated();
            int initial = _buffer[_position];
            if (initial >> 5 != major)
                throw new CborException(major == CborMajor.Unsigned ? "CBOR unsigned integer expected" : "CBOR item of another type expected");
            info = initial & 0x1f;
            if (info < 24)
            {
                _position++;
                return (ulong)info;
            }
            if (info >= 28)
                throw new CborException(info == CborMajor.Indefinite ? "CBOR indefinite length not allowed here" : "CBOR reserved additional information");
            int size = 1 << (info - 24);
            if (1 + size > _end - _position)
                throw Truncated();
            ulong value = 0;
            for (int i = 1; i <= size; i++)
                value = value << 8 | _buffer[_position + i];
            _position += 1 + size;
            return value;
        }

        void Need(int count)
        {
            if (count > _end - _position)
                throw Truncated();
        }

        static CborException Truncated() { return new CborException("CBOR input truncated"); }
    }
}
