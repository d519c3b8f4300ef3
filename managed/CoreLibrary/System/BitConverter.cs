using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Values to and from their little-endian bytes (the device and .NET's hosts are little-endian).</summary>
    public static class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        private const string TooShort = "The array starting from the specified index is not long enough to read a value of the specified type.";

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long DoubleToInt64Bits(double value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Int64BitsToDouble(long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int SingleToInt32Bits(float value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Int32BitsToSingle(int value);

        public static byte[] GetBytes(bool value)
        {
            return new byte[] { value ? (byte)1 : (byte)0 };
        }

        public static byte[] GetBytes(char value)
        {
            return Bytes(value, 2);
        }

        public static byte[] GetBytes(short value)
        {
            return Bytes(value, 2);
        }

        public static byte[] GetBytes(ushort value)
        {
            return Bytes(value, 2);
        }

        public static byte[] GetBytes(int value)
        {
            return Bytes(value, 4);
        }

        public static byte[] GetBytes(uint value)
        {
            return Bytes(value, 4);
        }

        public static byte[] GetBytes(long value)
        {
            return Bytes(value, 8);
        }

        public static byte[] GetBytes(ulong value)
        {
            return Bytes((long)value, 8);
        }

        public static byte[] GetBytes(float value)
        {
            return Bytes(SingleToInt32Bits(value), 4);
        }

        public static byte[] GetBytes(double value)
        {
            return Bytes(DoubleToInt64Bits(value), 8);
        }

        public static bool ToBoolean(byte[] value, int startIndex)
        {
            return Read(value, startIndex, 1) != 0;
        }

        public static char ToChar(byte[] value, int startIndex)
        {
            return (char)Read(value, startIndex, 2);
        }

        public static short ToInt16(byte[] value, int startIndex)
        {
            return (short)Read(value, startIndex, 2);
        }

        public static ushort ToUInt16(byte[] value, int startIndex)
        {
            return (ushort)Read(value, startIndex, 2);
        }

        public static int ToInt32(byte[] value, int startIndex)
        {
            return (int)Read(value, startIndex, 4);
        }

        public static uint ToUInt32(byte[] value, int startIndex)
        {
            return (uint)Read(value, startIndex, 4);
        }

        public static long ToInt64(byte[] value, int startIndex)
        {
            return Read(value, startIndex, 8);
        }

        public static ulong ToUInt64(byte[] value, int startIndex)
        {
            return (ulong)Read(value, startIndex, 8);
        }

        public static float ToSingle(byte[] value, int startIndex)
        {
            return Int32BitsToSingle((int)Read(value, startIndex, 4));
        }

        public static double ToDouble(byte[] value, int startIndex)
        {
            return Int64BitsToDouble(Read(value, startIndex, 8));
        }

        public static string ToString(byte[] value)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            return ToString(value, 0, value.Length);
        }

        public static string ToString(byte[] value, int startIndex)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            return ToString(value, startIndex, value.Length - startIndex);
        }

        /// <summary>"01-AB-FF": two upper-case hex digits per byte, separated by '-'.</summary>
        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            if (startIndex < 0 || (startIndex >= value.Length && startIndex > 0))
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLess);
            }

            if (length < 0)
            {
                throw ThrowHelper.Negative("length", length);
            }

            if (startIndex > value.Length - length)
            {
                throw new ArgumentException(TooShort, "value");
            }

            if (length == 0)
            {
                return string.Empty;
            }

            char[] chars = new char[length * 3 - 1];
            for (int i = 0; i < length; i++)
            {
                int b = value[startIndex + i];
                chars[i * 3] = HexDigit(b >> 4);
                chars[i * 3 + 1] = HexDigit(b & 15);
                if (i > 0)
                {
                    chars[i * 3 - 1] = '-';
                }
            }

            return new string(chars);
        }

        private static char HexDigit(int digit)
        {
            return (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);
        }

        private static byte[] Bytes(long value, int size)
        {
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++)
            {
                bytes[i] = (byte)(value >> (8 * i));
            }

            return bytes;
        }

        // size bytes at startIndex as a little-endian integer, after .NET's argument checks.
        private static long Read(byte[] value, int startIndex, int size)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            if (startIndex < 0 || startIndex >= value.Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLess);
            }

            if (startIndex > value.Length - size)
            {
                throw new ArgumentException(TooShort, "value");
            }

            long result = 0;
            for (int i = size - 1; i >= 0; i--)
            {
                result = (result << 8) | value[startIndex + i];
            }

            return result;
        }
    }
}
