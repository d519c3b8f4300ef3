using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Conversions between the primitive types and text as .NET's Convert does them (invariant culture):
    /// range checks with .NET's OverflowException messages, floating point rounded half to even, texts
    /// in bases 2, 8, 10 and 16, and Base64. A source type without its own overload (int, char, float...)
    /// goes through the widest one of its kind, which gives the same result.
    /// </summary>
    public static class Convert
    {
        private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        private const string BadBase64 = "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.";
        private static readonly string[] OctalDigits = { "0", "1", "2", "3", "4", "5", "6", "7" };

        public static sbyte ToSByte(bool value)
        {
            return value ? (sbyte)1 : (sbyte)0;
        }

        public static sbyte ToSByte(long value)
        {
            return (sbyte)Checked(value, -128, 127, Number.SByteType);
        }

        public static sbyte ToSByte(ulong value)
        {
            return (sbyte)Checked(value, 127, Number.SByteType);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static sbyte ToSByte(double value)
        {
            return ToSByte(ToInt32(value));
        }

        public static sbyte ToSByte(string value)
        {
            return (object)value == null ? (sbyte)0 : sbyte.Parse(value);
        }

        public static sbyte ToSByte(string value, int fromBase)
        {
            return (sbyte)ParseInBase(value, fromBase, Number.SByteType);
        }

        public static byte ToByte(bool value)
        {
            return value ? (byte)1 : (byte)0;
        }

        public static byte ToByte(long value)
        {
            return (byte)Checked(value, 0, 255, Number.ByteType);
        }

        public static byte ToByte(ulong value)
        {
            return (byte)Checked(value, 255, Number.ByteType);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static byte ToByte(double value)
        {
            return ToByte(ToInt32(value));
        }

        public static byte ToByte(string value)
        {
            return (object)value == null ? (byte)0 : byte.Parse(value);
        }

        public static byte ToByte(string value, int fromBase)
        {
            return (byte)ParseInBase(value, fromBase, Number.ByteType);
        }

        public static short ToInt16(bool value)
        {
            return value ? (short)1 : (short)0;
        }

        public static short ToInt16(long value)
        {
            return (short)Checked(value, -32768, 32767, Number.Int16Type);
        }

        public static short ToInt16(ulong value)
        {
            return (short)Checked(value, 32767, Number.Int16Type);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static short ToInt16(double value)
        {
            return ToInt16(ToInt32(value));
        }

        public static short ToInt16(string value)
        {
            return (object)value == null ? (short)0 : short.Parse(value);
        }

        public static short ToInt16(string value, int fromBase)
        {
            return (short)ParseInBase(value, fromBase, Number.Int16Type);
        }

        public static ushort ToUInt16(bool value)
        {
            return value ? (ushort)1 : (ushort)0;
        }

        public static ushort ToUInt16(long value)
        {
            return (ushort)Checked(value, 0, 65535, Number.UInt16Type);
        }

        public static ushort ToUInt16(ulong value)
        {
            return (ushort)Checked(value, 65535, Number.UInt16Type);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static ushort ToUInt16(double value)
        {
            return ToUInt16(ToInt32(value));
        }

        public static ushort ToUInt16(string value)
        {
            return (object)value == null ? (ushort)0 : ushort.Parse(value);
        }

        public static ushort ToUInt16(string value, int fromBase)
        {
            return (ushort)ParseInBase(value, fromBase, Number.UInt16Type);
        }

        public static int ToInt32(bool value)
        {
            return value ? (int)1 : (int)0;
        }

        public static int ToInt32(long value)
        {
            return (int)Checked(value, int.MinValue, int.MaxValue, Number.Int32Type);
        }

        public static int ToInt32(ulong value)
        {
            return (int)Checked(value, int.MaxValue, Number.Int32Type);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static int ToInt32(double value)
        {
            return (int)Checked(RoundHalfEven(value), int.MinValue, int.MaxValue, Number.Int32Type);
        }

        public static int ToInt32(string value)
        {
            return (object)value == null ? (int)0 : int.Parse(value);
        }

        public static int ToInt32(string value, int fromBase)
        {
            return (int)ParseInBase(value, fromBase, Number.Int32Type);
        }

        public static uint ToUInt32(bool value)
        {
            return value ? (uint)1 : (uint)0;
        }

        public static uint ToUInt32(long value)
        {
            return (uint)Checked(value, 0, uint.MaxValue, Number.UInt32Type);
        }

        public static uint ToUInt32(ulong value)
        {
            return (uint)Checked(value, uint.MaxValue, Number.UInt32Type);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static uint ToUInt32(double value)
        {
            return (uint)Checked(RoundHalfEven(value), 0, uint.MaxValue, Number.UInt32Type);
        }

        public static uint ToUInt32(string value)
        {
            return (object)value == null ? (uint)0 : uint.Parse(value);
        }

        public static uint ToUInt32(string value, int fromBase)
        {
            return (uint)ParseInBase(value, fromBase, Number.UInt32Type);
        }

        public static long ToInt64(bool value)
        {
            return value ? (long)1 : (long)0;
        }

        public static long ToInt64(long value)
        {
            return value;
        }

        public static long ToInt64(ulong value)
        {
            return (long)Checked(value, long.MaxValue, Number.Int64Type);
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static long ToInt64(double value)
        {
            return checked((long)RoundHalfEven(value));
        }

        public static long ToInt64(string value)
        {
            return (object)value == null ? (long)0 : long.Parse(value);
        }

        public static long ToInt64(string value, int fromBase)
        {
            return (long)ParseInBase(value, fromBase, Number.Int64Type);
        }

        public static ulong ToUInt64(bool value)
        {
            return value ? (ulong)1 : (ulong)0;
        }

        public static ulong ToUInt64(long value)
        {
            return value < 0 ? throw Overflow(Number.UInt64Type) : (ulong)value;
        }

        public static ulong ToUInt64(ulong value)
        {
            return value;
        }

        /// <summary>Rounded half to even; out of range: OverflowException.</summary>
        public static ulong ToUInt64(double value)
        {
            return checked((ulong)RoundHalfEven(value));
        }

        public static ulong ToUInt64(string value)
        {
            return (object)value == null ? (ulong)0 : ulong.Parse(value);
        }

        public static ulong ToUInt64(string value, int fromBase)
        {
            return (ulong)ParseInBase(value, fromBase, Number.UInt64Type);
        }

        public static bool ToBoolean(bool value)
        {
            return value;
        }

        public static bool ToBoolean(long value)
        {
            return value != 0;
        }

        public static bool ToBoolean(ulong value)
        {
            return value != 0;
        }

        /// <summary>False only for zero (NaN is true).</summary>
        public static bool ToBoolean(double value)
        {
            return value != 0;
        }

        public static bool ToBoolean(char value)
        {
            throw new InvalidCastException("Invalid cast from 'Char' to 'Boolean'.");
        }

        /// <summary>"True" or "False" in any case, with white space and NULs around; null is false.</summary>
        public static bool ToBoolean(string value)
        {
            if ((object)value == null)
            {
                return false;
            }

            int start = 0;
            int end = value.Length;
            while (start < end && IsTrimmed(value[start]))
            {
                start++;
            }

            while (end > start && IsTrimmed(value[end - 1]))
            {
                end--;
            }

            if (EqualsIgnoringCase(value, start, end, Boolean.TrueLiteral))
            {
                return true;
            }

            if (EqualsIgnoringCase(value, start, end, Boolean.FalseLiteral))
            {
                return false;
            }

            throw new FormatException(string.Concat("String '", value, "' was not recognized as a valid Boolean."));
        }

        public static double ToDouble(bool value)
        {
            return value ? 1 : 0;
        }

        public static double ToDouble(long value)
        {
            return value;
        }

        public static double ToDouble(ulong value)
        {
            return value;
        }

        public static double ToDouble(double value)
        {
            return value;
        }

        public static double ToDouble(string value)
        {
            return (object)value == null ? 0 : double.Parse(value);
        }

        public static float ToSingle(bool value)
        {
            return value ? 1 : 0;
        }

        public static float ToSingle(long value)
        {
            return value;
        }

        public static float ToSingle(ulong value)
        {
            return value;
        }

        public static float ToSingle(double value)
        {
            return (float)value;
        }

        public static float ToSingle(string value)
        {
            return (object)value == null ? 0 : float.Parse(value);
        }

        /// <summary>As the value's ToString(); null gives "".</summary>
        public static string ToString(object value)
        {
            return string.FormatArgument(value, null);
        }

        public static string ToString(string value)
        {
            return value;
        }

        public static string ToString(byte value, int toBase)
        {
            return InBase(value, toBase, Number.ByteType);
        }

        public static string ToString(short value, int toBase)
        {
            return InBase(value, toBase, Number.Int16Type);
        }

        /// <summary>Base 2, 8 or 16: the two's complement bits of the value (no sign); base 10: as ToString().</summary>
        public static string ToString(int value, int toBase)
        {
            return InBase(value, toBase, Number.Int32Type);
        }

        public static string ToString(long value, int toBase)
        {
            return InBase(value, toBase, Number.Int64Type);
        }

        public static string ToBase64String(byte[] inArray)
        {
            if (inArray == null)
            {
                throw new ArgumentNullException("inArray");
            }

            return Base64(inArray);
        }

        /// <summary>Base64 with '=' padding; white space anywhere is ignored.</summary>
        public static byte[] FromBase64String(string s)
        {
            if ((object)s == null)
            {
                throw new ArgumentNullException("s");
            }

            int symbols = 0;
            int padding = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (IsBase64White(c))
                {
                    continue;
                }

                if (c == '=')
                {
                    padding++;
                }
                else if (padding > 0 || Base64Value(c) < 0)
                {
                    throw new FormatException(BadBase64);
                }

                symbols++;
            }

            if (symbols % 4 != 0 || padding > 2)
            {
                throw new FormatException(BadBase64);
            }

            byte[] bytes = new byte[symbols / 4 * 3 - padding];
            int bits = 0;
            int count = 0;
            int at = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int v = Base64Value(s[i]);
                if (v < 0)
                {
                    continue;
                }

                bits = (bits << 6) | v;
                count += 6;
                if (count >= 8)
                {
                    count -= 8;
                    if (at < bytes.Length)
                    {
                        bytes[at++] = (byte)(bits >> count);
                    }
                }
            }

            return bytes;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string Base64(byte[] bytes);

        private static int Base64Value(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '+' ? 62 : c == '/' ? 63 : -1;
        }

        private static bool IsBase64White(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static bool IsTrimmed(char c)
        {
            return c == '\0' || c == ' ' || (c >= '\t' && c <= '\r');
        }

        private static bool EqualsIgnoringCase(string value, int start, int end, string word)
        {
            if (end - start != word.Length)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                if ((value[start + i] | 0x20) != (word[i] | 0x20))
                {
                    return false;
                }
            }

            return true;
        }

        // Math.Round(value): to the nearest integer, halves to the even one.
        private static double RoundHalfEven(double value)
        {
            if (!(value > -4503599627370496.0 && value < 4503599627370496.0))
            {
                return value; // already an integer (2^52 and beyond), or NaN
            }

            double truncated = (long)value;
            double rest = value - truncated;
            bool odd = ((long)truncated & 1) != 0;
            if (rest > 0.5 || (rest == 0.5 && odd))
            {
                return truncated + 1;
            }

            if (rest < -0.5 || (rest == -0.5 && odd))
            {
                return truncated - 1;
            }

            return truncated;
        }

        private static long Checked(long value, long min, long max, int type)
        {
            if (value < min || value > max)
            {
                throw Overflow(type);
            }

            return value;
        }

        private static ulong Checked(ulong value, ulong max, int type)
        {
            if (value > max)
            {
                throw Overflow(type);
            }

            return value;
        }

        private static double Checked(double value, double min, double max, int type)
        {
            if (!(value >= min && value <= max))
            {
                throw Overflow(type);
            }

            return value;
        }

        private static OverflowException Overflow(int type)
        {
            return new OverflowException(Number.OverflowMessage(type));
        }

        private static void CheckBase(int radix)
        {
            if (radix != 2 && radix != 8 && radix != 10 && radix != 16)
            {
                throw new ArgumentException("Invalid Base.");
            }
        }

        private static string InBase(long value, int toBase, int type)
        {
            CheckBase(toBase);
            switch (toBase)
            {
                case 2:
                    return Number.Format(value, type, "B");
                case 16:
                    return Number.Format(value, type, "x");
                case 10:
                    return Number.Int64ToString(value);
                default:
                    int bits = type & 0xFF;
                    ulong rest = bits == 64 ? (ulong)value : (ulong)value & ((1UL << bits) - 1);
                    string text = "";
                    do
                    {
                        text = string.Concat(OctalDigits[(int)(rest & 7)], text);
                        rest >>= 3;
                    }
                    while (rest != 0);

                    return text;
            }
        }

        /*
         * .NET's ParseNumbers: an optional '+' (or '-' in base 10), "0x" in base 16, then digits and
         * nothing else. Base 10 reads 32 bits (64 for long and ulong) as signed, or as unsigned for the
         * unsigned types; other bases read unsigned bits, which the signed types take as two's complement.
         */
        private static long ParseInBase(string value, int fromBase, int type)
        {
            CheckBase(fromBase);
            if ((object)value == null)
            {
                return 0;
            }

            if (value.Length == 0)
            {
                throw new ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size of the collection.");
            }

            int bits = type & 0xFF;
            bool isUnsigned = (type & 0x100) != 0;
            bool wide = bits == 64;
            int pos = 0;
            bool negative = false;
            if (value[0] == '-')
            {
                if (fromBase != 10)
                {
                    throw new ArgumentException("String cannot contain a minus sign if the base is not 10.");
                }

                if (isUnsigned)
                {
                    throw new OverflowException("The string was being parsed as an unsigned number and could not have a negative sign.");
                }

                negative = true;
                pos++;
            }
            else if (value[0] == '+')
            {
                pos++;
            }

            if (fromBase == 16 && pos + 1 < value.Length && value[pos] == '0' && (value[pos + 1] | 0x20) == 'x')
            {
                pos += 2;
            }

            // Base 10 for a signed type reads a magnitude (up to 2^31 negative, 2^32 - 1 positive, or the
            // 64-bit bounds) with the signed type's message; the rest read unsigned bits.
            bool signedRead = fromBase == 10 && !isUnsigned;
            int readType = (wide ? Number.Int64Type : Number.Int32Type) | (signedRead ? 0 : 0x100);
            ulong limit = negative ? (wide ? 1UL << 63 : 1UL << 31) : wide ? ulong.MaxValue : uint.MaxValue;
            ulong result = 0;
            int start = pos;
            for (; pos < value.Length; pos++)
            {
                int digit = DigitValue(value[pos]);
                if (digit >= fromBase)
                {
                    break;
                }

                if (result > (limit - (ulong)digit) / (ulong)fromBase)
                {
                    throw Overflow(readType);
                }

                result = result * (ulong)fromBase + (ulong)digit;
            }

            if (pos == start)
            {
                throw new FormatException("Could not find any recognizable digits.");
            }

            if (pos < value.Length)
            {
                throw new FormatException("Additional non-parsable characters are at the end of the string.");
            }

            if (signedRead)
            {
                ulong magnitude = 1UL << (bits - 1);
                if (negative ? result > magnitude : result >= magnitude)
                {
                    throw Overflow(type);
                }

                return negative ? -(long)result : (long)result;
            }

            if (bits == 32 || wide)
            {
                return (long)result;
            }

            // Narrow types: the bits of their width, which the signed ones take as two's complement.
            long max = (1L << bits) - 1;
            long narrow = Checked((long)result, 0, max, type);
            return isUnsigned || narrow <= max >> 1 ? narrow : narrow - max - 1;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            int lower = c | 0x20;
            return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : 99;
        }
    }
}
