namespace System
{
    // Members that make new strings from this one. Each builds its result with one native copy where it
    // can (SubstringUnchecked, or the char[] constructor over an array it filled).
    public sealed partial class String
    {
        public static bool IsNullOrWhiteSpace(string value)
        {
            if ((object)value == null)
            {
                return true;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (!char.IsWhiteSpace(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public string Substring(int startIndex)
        {
            if (startIndex < 0)
            {
                throw ThrowHelper.Negative("startIndex", startIndex);
            }

            if (startIndex > Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", StartIndexPastEnd);
            }

            return Substring(startIndex, Length - startIndex);
        }

        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > Length - length)
            {
                if (startIndex < 0)
                {
                    throw ThrowHelper.Negative("startIndex", startIndex);
                }

                if (startIndex > Length)
                {
                    throw ThrowHelper.OutOfRange("startIndex", StartIndexPastEnd);
                }

                if (length < 0)
                {
                    throw ThrowHelper.Negative("length", length);
                }

                throw ThrowHelper.OutOfRange("length", "Index and length must refer to a location within the string.");
            }

            if (length == Length)
            {
                return this;
            }

            return length == 0 ? Empty : SubstringUnchecked(startIndex, length);
        }

        public char[] ToCharArray()
        {
            return ToCharArray(0, Length);
        }

        public char[] ToCharArray(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length)
            {
                throw ThrowHelper.GreaterUnsigned("startIndex", startIndex, Length);
            }

            ThrowHelper.CheckRange(startIndex, "length", length, Length);
            char[] chars = new char[length];
            CopyChars(startIndex, chars, 0, length);
            return chars;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
            {
                throw ThrowHelper.Null("destination");
            }

            if (count < 0)
            {
                throw ThrowHelper.Negative("count", count);
            }

            if (sourceIndex < 0)
            {
                throw ThrowHelper.Negative("sourceIndex", sourceIndex);
            }

            if (destinationIndex < 0)
            {
                throw ThrowHelper.Negative("destinationIndex", destinationIndex);
            }

            // .NET names the index but prints the count it compared.
            if (count > Length - sourceIndex)
            {
                throw ThrowHelper.Greater("sourceIndex", count, Length - sourceIndex);
            }

            if (count > destination.Length - destinationIndex)
            {
                throw ThrowHelper.Greater("destinationIndex", count, destination.Length - destinationIndex);
            }

            CopyChars(sourceIndex, destination, destinationIndex, count);
        }

        public string Trim()
        {
            return TrimWhere(null, true, true);
        }

        public string Trim(char trimChar)
        {
            return TrimWhere(new char[] { trimChar }, true, true);
        }

        public string Trim(params char[] trimChars)
        {
            return TrimWhere(trimChars, true, true);
        }

        public string TrimStart()
        {
            return TrimWhere(null, true, false);
        }

        public string TrimStart(char trimChar)
        {
            return TrimWhere(new char[] { trimChar }, true, false);
        }

        public string TrimStart(params char[] trimChars)
        {
            return TrimWhere(trimChars, true, false);
        }

        public string TrimEnd()
        {
            return TrimWhere(null, false, true);
        }

        public string TrimEnd(char trimChar)
        {
            return TrimWhere(new char[] { trimChar }, false, true);
        }

        public string TrimEnd(params char[] trimChars)
        {
            return TrimWhere(trimChars, false, true);
        }

        // No characters given (null or empty): white space, as Char.IsWhiteSpace says.
        private string TrimWhere(char[] trimChars, bool start, bool end)
        {
            bool whiteSpace = trimChars == null || trimChars.Length == 0;
            int first = 0;
            int last = Length - 1;
            if (start)
            {
                while (first <= last && IsOneOf(this[first], trimChars, whiteSpace))
                {
                    first++;
                }
            }

            if (end)
            {
                while (last >= first && IsOneOf(this[last], trimChars, whiteSpace))
                {
                    last--;
                }
            }

            return Substring(first, last - first + 1);
        }

        // Is c in the set, or white space when whiteSpace says the set is empty (Trim's and Split's rule)?
        private static bool IsOneOf(char c, char[] set, bool whiteSpace)
        {
            return whiteSpace ? char.IsWhiteSpace(c) : Contains(set, c);
        }

        /// <summary>Invariant upper case (Char.ToUpperInvariant of each code unit).</summary>
        public string ToUpper()
        {
            return MapCase(true);
        }

        public string ToUpperInvariant()
        {
            return MapCase(true);
        }

        public string ToLower()
        {
            return MapCase(false);
        }

        public string ToLowerInvariant()
        {
            return MapCase(false);
        }

        private string MapCase(bool upper)
        {
            char[] chars = null;
            for (int i = 0; i < Length; i++)
            {
                char c = this[i];
                char mapped = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                if (mapped != c && chars == null)
                {
                    chars = ToCharArray();
                }

                if (chars != null)
                {
                    chars[i] = mapped;
                }
            }

            return chars == null ? this : new string(chars);
        }

        public string Replace(char oldChar, char newChar)
        {
            int first = IndexOf(oldChar);
            if (first < 0)
            {
                return this;
            }

            char[] chars = ToCharArray();
            for (int i = first; i < chars.Length; i++)
            {
                if (chars[i] == oldChar)
                {
                    chars[i] = newChar;
                }
            }

            return new string(chars);
        }

        public string Replace(string oldValue, string newValue)
        {
            if ((object)oldValue == null)
            {
                throw ThrowHelper.Null("oldValue");
            }

            if (oldValue.Length == 0)
            {
                throw new ArgumentException("The value cannot be an empty string.", "oldValue");
            }

            int found = IndexOf(oldValue);
            if (found < 0)
            {
                return this;
            }

            newValue = newValue ?? Empty;
            int count = 0;
            for (int i = found; i >= 0; i = IndexOf(oldValue, i + oldValue.Length))
            {
                count++;
            }

            char[] chars = new char[Length + count * (newValue.Length - oldValue.Length)];
            int from = 0;
            int to = 0;
            for (int i = found; i >= 0; i = IndexOf(oldValue, from))
            {
                CopyChars(from, chars, to, i - from);
                to += i - from;
                newValue.CopyChars(0, chars, to, newValue.Length);
                to += newValue.Length;
                from = i + oldValue.Length;
            }

            CopyChars(from, chars, to, Length - from);
            return chars.Length == 0 ? Empty : new string(chars);
        }

        public string Insert(int startIndex, string value)
        {
            if ((object)value == null)
            {
                throw ThrowHelper.Null("value");
            }

            if ((uint)startIndex > (uint)Length)
            {
                throw ThrowHelper.GreaterUnsigned("startIndex", startIndex, Length);
            }

            return Concat(Substring(0, startIndex), value, Substring(startIndex));
        }

        public string Remove(int startIndex)
        {
            if (startIndex < 0)
            {
                throw ThrowHelper.OutOfRange("startIndex", "StartIndex cannot be less than zero.");
            }

            if (startIndex > Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", StartIndexPastEnd);
            }

            return Substring(0, startIndex);
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0)
            {
                throw ThrowHelper.Negative("startIndex", startIndex);
            }

            if (count < 0)
            {
                throw ThrowHelper.Negative("count", count);
            }

            if (count > Length - startIndex)
            {
                throw ThrowHelper.Greater("count", count, Length - startIndex);
            }

            return Concat(Substring(0, startIndex), Substring(startIndex + count));
        }

        public string PadLeft(int totalWidth)
        {
            return PadLeft(totalWidth, ' ');
        }

        public string PadLeft(int totalWidth, char paddingChar)
        {
            return Pad(totalWidth, paddingChar, true);
        }

        public string PadRight(int totalWidth)
        {
            return PadRight(totalWidth, ' ');
        }

        public string PadRight(int totalWidth, char paddingChar)
        {
            return Pad(totalWidth, paddingChar, false);
        }

        private string Pad(int totalWidth, char paddingChar, bool left)
        {
            if (totalWidth < 0)
            {
                throw ThrowHelper.Negative("totalWidth", totalWidth);
            }

            if (totalWidth <= Length)
            {
                return this;
            }

            string padding = new string(paddingChar, totalWidth - Length);
            return left ? Concat(padding, this) : Concat(this, padding);
        }

        private const string StartIndexPastEnd = "startIndex cannot be larger than length of string.";
    }
}
