using System.Runtime.CompilerServices;

namespace System
{
    // Searching and comparing. All of it is ordinal (code unit by code unit), which is what .NET does with
    // the invariant globalization mode the device has; the searches themselves are internal calls.
    public sealed partial class String
    {
        public int IndexOf(char value)
        {
            return IndexOf(value, 0, Length);
        }

        public int IndexOf(char value, int startIndex)
        {
            CheckStart(startIndex);
            return IndexOf(value, startIndex, Length - startIndex);
        }

        public int IndexOf(char value, int startIndex, int count)
        {
            CheckStartCount(startIndex, count);
            return IndexOfUnchecked(value, startIndex, count);
        }

        public int IndexOf(string value)
        {
            return IndexOf(value, 0, Length);
        }

        public int IndexOf(string value, int startIndex)
        {
            CheckStart(startIndex);
            return IndexOf(value, startIndex, Length - startIndex);
        }

        public int IndexOf(string value, int startIndex, int count)
        {
            if ((object)value == null)
            {
                throw ThrowHelper.Null("value");
            }

            CheckStartCount(startIndex, count);
            return IndexOfUnchecked(value, startIndex, count);
        }

        public int IndexOfAny(char[] anyOf)
        {
            return IndexOfAny(anyOf, 0, Length);
        }

        public int IndexOfAny(char[] anyOf, int startIndex)
        {
            CheckStart(startIndex);
            return IndexOfAny(anyOf, startIndex, Length - startIndex);
        }

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null)
            {
                throw ThrowHelper.Null("anyOf");
            }

            CheckStartCount(startIndex, count);
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (Contains(anyOf, this[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public int LastIndexOf(char value)
        {
            return LastIndexOf(value, Length - 1, Length);
        }

        public int LastIndexOf(char value, int startIndex)
        {
            return LastIndexOf(value, startIndex, startIndex + 1);
        }

        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (Length == 0)
            {
                return -1;
            }

            CheckLastStartCount(startIndex, count);
            return LastIndexOfUnchecked(value, startIndex - count + 1, count);
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            if (anyOf == null)
            {
                throw ThrowHelper.Null("anyOf");
            }

            for (int i = Length - 1; i >= 0; i--)
            {
                if (Contains(anyOf, this[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public int LastIndexOf(string value)
        {
            return LastIndexOf(value, Length - 1, Length);
        }

        public int LastIndexOf(string value, int startIndex)
        {
            return LastIndexOf(value, startIndex, startIndex + 1);
        }

        /// <summary>The last match lying wholly in this[startIndex - count + 1 .. startIndex].</summary>
        public int LastIndexOf(string value, int startIndex, int count)
        {
            if ((object)value == null)
            {
                throw ThrowHelper.Null("value");
            }

            if (Length == 0 && (startIndex == -1 || startIndex == 0))
            {
                return value.Length == 0 ? 0 : -1;
            }

            if (startIndex < 0 || startIndex > Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLess);
            }

            // .NET accepts startIndex == Length and takes it as the last character.
            if (startIndex == Length)
            {
                startIndex--;
                if (count > 0)
                {
                    count--;
                }
            }

            if (count < 0 || startIndex - count + 1 < 0)
            {
                throw ThrowHelper.OutOfRange("count", ThrowHelper.CountInString);
            }

            if (value.Length == 0)
            {
                return startIndex + 1;
            }

            return LastIndexOfUnchecked(value, startIndex - count + 1, count);
        }

        public bool Contains(string value)
        {
            if ((object)value == null)
            {
                throw ThrowHelper.Null("value");
            }

            return IndexOf(value) >= 0;
        }

        public bool Contains(char value)
        {
            return IndexOf(value) >= 0;
        }

        public bool StartsWith(string value)
        {
            if ((object)value == null)
            {
                throw ThrowHelper.Null("value");
            }

            return value.Length <= Length && IndexOfUnchecked(value, 0, value.Length) == 0;
        }

        public bool StartsWith(char value)
        {
            return Length > 0 && this[0] == value;
        }

        public bool EndsWith(string value)
        {
            if ((object)value == null)
            {
                throw ThrowHelper.Null("value");
            }

            return value.Length <= Length && IndexOfUnchecked(value, Length - value.Length, value.Length) >= 0;
        }

        public bool EndsWith(char value)
        {
            return Length > 0 && this[Length - 1] == value;
        }

        /// <summary>Ordinal: the difference of the first differing code units, else of the lengths; null sorts first.</summary>
        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == (object)strB)
            {
                return 0;
            }

            if ((object)strA == null)
            {
                return -1;
            }

            if ((object)strB == null)
            {
                return 1;
            }

            int length = strA.Length < strB.Length ? strA.Length : strB.Length;
            for (int i = 0; i < length; i++)
            {
                int difference = strA[i] - strB[i];
                if (difference != 0)
                {
                    return difference;
                }
            }

            return strA.Length - strB.Length;
        }

        /// <summary>As .NET with invariant globalization: ordinal.</summary>
        public static int Compare(string strA, string strB)
        {
            return CompareOrdinal(strA, strB);
        }

        public int CompareTo(string strB)
        {
            return CompareOrdinal(this, strB);
        }

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }

            string other = value as string;
            if ((object)other == null)
            {
                throw new ArgumentException("Object must be of type String.");
            }

            return CompareOrdinal(this, other);
        }

        /// <summary>The first index of value in this[startIndex .. startIndex + count), -1 if none (range checked by the caller).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern int IndexOfUnchecked(char value, int startIndex, int count);

        /// <summary>The first index where value lies wholly in this[startIndex .. startIndex + count), -1 if none.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern int IndexOfUnchecked(string value, int startIndex, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern int LastIndexOfUnchecked(char value, int startIndex, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern int LastIndexOfUnchecked(string value, int startIndex, int count);

        private static bool Contains(char[] set, char c)
        {
            for (int k = 0; k < set.Length; k++)
            {
                if (set[k] == c)
                {
                    return true;
                }
            }

            return false;
        }

        private void CheckStart(int startIndex)
        {
            if (startIndex < 0 || startIndex > Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLessOrEqual);
            }
        }

        private void CheckStartCount(int startIndex, int count)
        {
            CheckStart(startIndex);
            if (count < 0 || count > Length - startIndex)
            {
                throw ThrowHelper.OutOfRange("count", ThrowHelper.CountInString);
            }
        }

        private void CheckLastStartCount(int startIndex, int count)
        {
            if (startIndex < 0 || startIndex >= Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLess);
            }

            if (count < 0 || count - 1 > startIndex)
            {
                throw ThrowHelper.OutOfRange("count", ThrowHelper.CountInString);
            }
        }
    }
}
