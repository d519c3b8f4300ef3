namespace System.Text
{
    /// <summary>
    /// Mutable text in one char array. Capacity grows as .NET's does (by the current length, at most 8000
    /// characters at a time, or to what is needed), so Capacity reports the same values.
    /// </summary>
    public sealed class StringBuilder
    {
        private const int DefaultCapacity = 16;
        private const int MaxChunkSize = 8000;

        private char[] _chars;
        private int _length;

        public StringBuilder()
            : this(DefaultCapacity)
        {
        }

        public StringBuilder(int capacity)
        {
            if (capacity < 0)
            {
                throw ThrowHelper.Negative("capacity", capacity);
            }

            _chars = new char[capacity == 0 ? DefaultCapacity : capacity];
        }

        public StringBuilder(string value)
            : this(value, DefaultCapacity)
        {
        }

        public StringBuilder(string value, int capacity)
            : this((object)value != null && value.Length > capacity ? value.Length : capacity)
        {
            Append(value);
        }

        public int Length
        {
            get { return _length; }
            set
            {
                if (value < 0)
                {
                    throw ThrowHelper.Negative("value", value);
                }

                if (value > _length)
                {
                    Reserve(value);
                    for (int i = _length; i < value; i++)
                    {
                        _chars[i] = '\0';
                    }
                }

                _length = value;
            }
        }

        public int Capacity
        {
            get { return _chars.Length; }
            set
            {
                if (value < 0)
                {
                    throw ThrowHelper.Negative("value", value);
                }

                if (value < _length)
                {
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                }

                if (value != _chars.Length)
                {
                    Resize(value);
                }
            }
        }

        public int MaxCapacity
        {
            get { return int.MaxValue; }
        }

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if (index < 0 || index >= _length)
                {
                    throw new IndexOutOfRangeException();
                }

                return _chars[index];
            }
            set
            {
                if (index < 0 || index >= _length)
                {
                    throw ThrowHelper.OutOfRange("index", ThrowHelper.IndexMustBeLess);
                }

                _chars[index] = value;
            }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
            {
                throw ThrowHelper.Negative("capacity", capacity);
            }

            if (capacity > _chars.Length)
            {
                Resize(capacity);
            }

            return _chars.Length;
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public StringBuilder Append(string value)
        {
            if ((object)value != null)
            {
                Reserve(_length + value.Length);
                value.CopyChars(0, _chars, _length, value.Length);
                _length += value.Length;
            }

            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0)
            {
                throw ThrowHelper.Negative("startIndex", startIndex);
            }

            if (count < 0)
            {
                throw ThrowHelper.Negative("count", count);
            }

            if ((object)value == null)
            {
                if (startIndex == 0 && count == 0)
                {
                    return this;
                }

                throw ThrowHelper.Null("value");
            }

            if (startIndex > value.Length - count)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLessOrEqual);
            }

            return Append(value.Substring(startIndex, count));
        }

        public StringBuilder Append(char value)
        {
            Reserve(_length + 1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0)
            {
                throw ThrowHelper.Negative("repeatCount", repeatCount);
            }

            Reserve(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++)
            {
                _chars[_length++] = value;
            }

            return this;
        }

        public StringBuilder Append(char[] value)
        {
            return value == null ? this : Append(value, 0, value.Length);
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (startIndex < 0)
            {
                throw ThrowHelper.Negative("startIndex", startIndex);
            }

            if (charCount < 0)
            {
                throw ThrowHelper.Negative("charCount", charCount);
            }

            if (value == null)
            {
                if (startIndex == 0 && charCount == 0)
                {
                    return this;
                }

                throw ThrowHelper.Null("value");
            }

            if (charCount > value.Length - startIndex)
            {
                throw ThrowHelper.OutOfRange("charCount", ThrowHelper.IndexMustBeLessOrEqual);
            }

            Reserve(_length + charCount);
            for (int i = 0; i < charCount; i++)
            {
                _chars[_length++] = value[startIndex + i];
            }

            return this;
        }

        public StringBuilder Append(object value)
        {
            return value == null ? this : Append(value.ToString());
        }

        public StringBuilder Append(bool value)
        {
            return Append(value.ToString());
        }

        // byte, sbyte, short and ushort bind to Append(int), uint to Append(long): the same text, fewer methods.
        public StringBuilder Append(int value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(long value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(ulong value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(float value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(double value)
        {
            return Append(value.ToString());
        }

        /// <summary>Appends "\n", .NET's Environment.NewLine on Linux.</summary>
        public StringBuilder AppendLine()
        {
            return Append('\n');
        }

        public StringBuilder AppendLine(string value)
        {
            return Append(value).Append('\n');
        }

        public StringBuilder Insert(int index, string value)
        {
            if (index < 0 || index > _length)
            {
                throw ThrowHelper.OutOfRange("index", ThrowHelper.IndexMustBeLessOrEqual);
            }

            if ((object)value == null || value.Length == 0)
            {
                return this;
            }

            int count = value.Length;
            Reserve(_length + count);
            for (int i = _length - 1; i >= index; i--)
            {
                _chars[i + count] = _chars[i];
            }

            value.CopyChars(0, _chars, index, count);
            _length += count;
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            return Insert(index, new string(value, 1));
        }

        public StringBuilder Insert(int index, object value)
        {
            return value == null ? Insert(index, (string)null) : Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, int value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0)
            {
                throw ThrowHelper.Negative("length", length);
            }

            if (startIndex < 0)
            {
                throw ThrowHelper.Negative("startIndex", startIndex);
            }

            if (length > _length - startIndex)
            {
                throw ThrowHelper.OutOfRange("length", ThrowHelper.IndexMustBeLessOrEqual);
            }

            for (int i = startIndex + length; i < _length; i++)
            {
                _chars[i - length] = _chars[i];
            }

            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            for (int i = 0; i < _length; i++)
            {
                if (_chars[i] == oldChar)
                {
                    _chars[i] = newChar;
                }
            }

            return this;
        }

        /// <summary>String.Replace's result (and its argument checks) as the new content.</summary>
        public StringBuilder Replace(string oldValue, string newValue)
        {
            string replaced = ToString().Replace(oldValue, newValue);
            _length = 0;
            return Append(replaced);
        }

        public override string ToString()
        {
            return _length == 0 ? string.Empty : new string(_chars, 0, _length);
        }

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0)
            {
                throw ThrowHelper.Negative("startIndex", startIndex);
            }

            if (length < 0)
            {
                throw ThrowHelper.Negative("length", length);
            }

            if (startIndex > _length - length)
            {
                throw ThrowHelper.OutOfRange("length", "Index and length must refer to a location within the string.");
            }

            return length == 0 ? string.Empty : new string(_chars, startIndex, length);
        }

        // Room for `needed` characters. .NET fills its last chunk, then adds one of the current length (at
        // most 8000) or of what is missing.
        private void Reserve(int needed)
        {
            int capacity = _chars.Length;
            if (needed > capacity)
            {
                int grown = capacity + (capacity < MaxChunkSize ? capacity : MaxChunkSize);
                Resize(needed > grown ? needed : grown);
            }
        }

        private void Resize(int capacity)
        {
            char[] chars = new char[capacity];
            for (int i = 0; i < _length; i++)
            {
                chars[i] = _chars[i];
            }

            _chars = chars;
        }
    }
}
