using System.Text;

namespace nanoFramework.McuMgr.Cbor
{
    /// <summary>
    /// Writes CBOR into a caller's buffer, without allocating per item. Definite containers take their count up
    /// front; indefinite ones (count -1) end with WriteBreak. A buffer too small throws CborException.
    /// </summary>
    public sealed class CborWriter
    {
        byte[] _buffer;
        int _start;
        int _end;
        int _position;

        public CborWriter(byte[] buffer, int offset, int count) { Reset(buffer, offset, count); }

        public void Reset(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + count;
        }

        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Bytes written since the start.</summary>
        public int Length { get { return _position - _start; } }

        /// <summary>Forgets what was written after length bytes.</summary>
        public void Truncate(int length) { _position = _start + length; }

        public void BeginMap(int count) { WriteContainer(CborMajor.Map, count); }
        public void BeginArray(int count) { WriteContainer(CborMajor.Array, count); }
        public void WriteBreak() { WriteByte(0xff); }

        public void WriteUInt(ulong value) { WriteHead(CborMajor.Unsigned, value); }

        public void WriteInt(long value)
        {
            if (value >= 0)
                WriteHead(CborMajor.Unsigned, (ulong)value);
            else
                WriteHead(CborMajor.Negative, (ulong)(-1 - value));
        }

        public void WriteBool(bool value) { WriteByte((byte)(0xe0 | (value ? CborMajor.True : CborMajor.False))); }
        public void WriteNull() { WriteByte(0xe0 | CborMajor.Null); }
        public void WriteUndefined() { WriteByte(0xe0 | CborMajor.Undefined); }

        public void WriteBytes(byte[] data, int offset, int count) { WriteString(CborMajor.Bytes, data, offset, count); }

        public void WriteBytes(byte[] data) { WriteBytes(data, 0, data.Length); }

        /// <summary>UTF-8 text string.</summary>
        public void WriteText(string value)
        {
            // Keys and most values are ASCII: written straight, without an encoder and a temporary array.
            int length = value.Length;
            int ascii = 0;
            while (ascii < length && value[ascii] < 0x80)
                ascii++;
            if (ascii == length && length < 24 && length < _end - _position)
            {
                _buffer[_position++] = (byte)(CborMajor.Text << 5 | length);
                for (int i = 0; i < length; i++)
                    _buffer[_position++] = (byte)value[i];
                return;
            }
            byte[] utf8 = Encoding.UTF8.GetBytes(value);
            WriteString(CborMajor.Text, utf8, 0, utf8.Length);
        }

        void WriteString(int major, byte[] data, int offset, int count)
        {
            WriteHead(major, (ulong)count);
            Reserve(count);
            for (int i = 0; i < count; i++)
                _buffer[_position++] = data[offset + i];
        }

        /// <summary>A text key and an unsigned value: the commonest pair in answers.</summary>
        public void WriteEntry(string key, long value)
        {
            WriteText(key);
            WriteInt(value);
        }

        void WriteContainer(int major, int count)
        {
            if (count < 0)
                WriteByte((byte)(major << 5 | CborMajor.Indefinite));
            else
                WriteHead(major, (ulong)count);
        }

        void WriteHead(int major, ulong value)
        {
            int m = major << 5;
            if (value < 24 && _position < _end)
                _buffer[_position++] = (byte)(m | (int)value);
            else if (value < 24)
                WriteByte((byte)(m | (int)value));
            else if (value <= 0xff)
                WriteUnsigned(m | 24, value, 1);
            else if (value <= 0xffff)
                WriteUnsigned(m | 25, value, 2);
            else if (value <= 0xffffffff)
                WriteUnsigned(m | 26, value, 4);
            else
                WriteUnsigned(m | 27, value, 8);
        }

        void WriteUnsigned(int initial, ulong value, int size)
        {
            Reserve(1 + size);
            _buffer[_position++] = (byte)initial;
            for (int shift = (size - 1) * 8; shift >= 0; shift -= 8)
                _buffer[_position++] = (byte)(value >> shift);
        }

        void WriteByte(int value)
        {
            Reserve(1);
            _buffer[_position++] = (byte)value;
        }

        void Reserve(int count)
        {
            if (count > _end - _position)
                throw new CborException("CBOR output does not fit its buffer");
        }
    }
}
