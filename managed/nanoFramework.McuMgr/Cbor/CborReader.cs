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

        public ulong ReadUInt64() { return ReadHead(CborMajor.Unsigned); }

        /// <summary>An unsigned or negative integer that fits a long.</summary>
        public long ReadInt64()
        {
            int major = PeekMajor();
            if (major != CborMajor.Unsigned && major != CborMajor.Negative)
                throw new CborException("CBOR integer expected");
            ulong value = ReadHead(major);
            if (value > long.MaxValue)
                throw new CborException("CBOR integer out of range");
            return major == CborMajor.Unsigned ? (long)value : -1 - (long)value;
        }

        /// <summary>A non-negative integer up to int.MaxValue (lengths, offsets, numbers of the protocol).</summary>
        public int ReadCount()
        {
            ulong value = ReadHead(CborMajor.Unsigned);
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
        public static bool IsText(byte[] bytes, int offset, int count, string key)
        {
            if (count != key.Length)
                return false;
            for (int i = 0; i < count; i++)
                if (bytes[offset + i] != key[i])
                    return false;
            return true;
        }

        /// <summary>Skips one whole item, nested ones included: one loop with the open containers' remaining
        /// items on a small stack (a call per item costs the interpreter more than the rest of the work).</summary>
        public void Skip()
        {
            int depth = 0;
            int tags = 0;
            while (true)
            {
                if (depth > 0 && tags == 0)
                {
                    int remaining = _open[depth - 1];
                    if (remaining < 0)
                    {
                        if (_position >= _end)
                            throw Truncated();
                        // Indefinite: -1 array, -2 map before a key, -3 map before a value (no break there).
                        if (_buffer[_position] == 0xff && remaining != IndefiniteMapValue)
                        {
                            _position++;
                            if (--depth == 0)
                                return;
                            continue;
                        }
                        if (remaining != IndefiniteArray)
                            _open[depth - 1] = remaining == IndefiniteMapKey ? IndefiniteMapValue : IndefiniteMapKey;
                    }
                    else if (remaining == 0)
                    {
                        if (--depth == 0)
                            return;
                        continue;
                    }
                    else
                    {
                        _open[depth - 1] = remaining - 1;
                    }
                }
                if (_position >= _end)
                    throw Truncated();
                int major = _buffer[_position] >> 5;
                bool indefinite = (_buffer[_position] & 0x1f) == CborMajor.Indefinite;
                if (major == CborMajor.Simple)
                {
                    SkipSimple();
                }
                else if (indefinite && (major == CborMajor.Array || major == CborMajor.Map))
                {
                    _position++;
                    depth = Open(depth, major == CborMajor.Map ? IndefiniteMapKey : IndefiniteArray);
                }
                else if (major == CborMajor.Bytes || major == CborMajor.Text)
                {
                    ReadString(major, out _, out _);
                }
                else if (major == CborMajor.Array || major == CborMajor.Map)
                {
                    int count = ReadLength(major);
                    depth = Open(depth, major == CborMajor.Map ? 2 * count : count);
                }
                else
                {
                    ReadHead(major);
                    if (major == CborMajor.Tag)
                    {
                        // The tagged item follows; it is the same item of its container.
                        if (++tags + depth >= MaxDepth)
                            throw new CborException("CBOR nested too deeply");
                        continue;
                    }
                }
                tags = 0;
                if (depth == 0)
                    return;
            }
        }

        readonly int[] _open = new int[MaxDepth];
        const int IndefiniteArray = -1, IndefiniteMapKey = -2, IndefiniteMapValue = -3;

        int Open(int depth, int items)
        {
            if (depth + 1 >= MaxDepth)
                throw new CborException("CBOR nested too deeply");
            _open[depth] = items;
            return depth + 1;
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
            return ReadLength(major);
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
                count = ReadLength(major);
                offset = _position;
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
            count = ReadLength(major);
            offset = _position;
            _position += count;
            return _buffer;
        }

        /// <summary>The argument of the next item's head, which must have that major type and a definite argument.</summary>
        /// <summary>
        /// The argument of a string's or container's head as an int, in int arithmetic (the interpreter's 64-bit
        /// operations cost more). Every byte or item takes at least a byte, so an argument beyond the rest of
        /// the input is truncated input.
        /// </summary>
        int ReadLength(int major)
        {
            if (_position >= _end)
                throw Truncated();
            int initial = _buffer[_position];
            if (initial >> 5 != major)
                throw new CborException("CBOR item of another type expected");
            int info = initial & 0x1f;
            if (info < 24)
            {
                _position++;
                return CheckLength(info);
            }
            if (info >= 28)
                throw new CborException(info == CborMajor.Indefinite ? "CBOR indefinite length not allowed here" : "CBOR reserved additional information");
            int size = 1 << (info - 24);
            if (1 + size > _end - _position)
                throw Truncated();
            int at = _position + 1;
            _position += 1 + size;
            // The high bytes of a 4- or 8-byte argument must be 0 for a length that fits the input.
            for (int i = 0; i < size - 3; i++)
                if (_buffer[at + i] != 0)
                    throw new CborException("CBOR length longer than its input");
            int value = 0;
            for (int i = size > 3 ? size - 3 : 0; i < size; i++)
                value = value << 8 | _buffer[at + i];
            return CheckLength(value);
        }

        int CheckLength(int length)
        {
            if (length > _end - _position)
                throw new CborException("CBOR length longer than its input");
            return length;
        }

        ulong ReadHead(int major)
        {
            if (_position >= _end)
                throw Truncated();
            int initial = _buffer[_position];
            if (initial >> 5 != major)
                throw new CborException(major == CborMajor.Unsigned ? "CBOR unsigned integer expected" : "CBOR item of another type expected");
            int info = initial & 0x1f;
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
