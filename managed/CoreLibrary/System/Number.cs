using System.Globalization;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Numbers to text and back, in C (nf-interpreter-port/clr/clr_number*.c) as .NET does it with the
    /// invariant culture: ToString() (shortest round-trip text for floating point), standard and custom
    /// format strings, Parse with NumberStyles. This class turns the runtime's answers into .NET's exceptions.
    /// </summary>
    internal static class Number
    {
        // Type codes of the internal calls: the bit width, 0x100 for unsigned integers, 0x200 for floating point.
        internal const int SByteType = 8;
        internal const int ByteType = 0x108;
        internal const int Int16Type = 16;
        internal const int UInt16Type = 0x110;
        internal const int Int32Type = 32;
        internal const int UInt32Type = 0x120;
        internal const int Int64Type = 64;
        internal const int UInt64Type = 0x140;
        internal const int SingleType = 0x220;
        internal const int DoubleType = 0x240;

        // ParseInteger/ParseFloating results.
        private const int Parsed = 0;
        private const int BadFormat = 1;

        private const NumberStyles ValidStyles = (NumberStyles)0x7FF;
        private const NumberStyles RadixStyles = NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier;

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string Int32ToString(int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string UInt32ToString(uint value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string Int64ToString(long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string UInt64ToString(ulong value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string SingleToString(float value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string DoubleToString(double value);

        // Null when the format string is one the type refuses (an unknown standard format).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string FormatInteger(long value, int type, string format);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string FormatDouble(double value, string format);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string FormatSingle(float value, string format);

        // value is written only when the result is Parsed.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ParseInteger(string s, int styles, int type, out long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ParseFloating(string s, int styles, int type, out double value);

        internal static string Format(long value, int type, string format)
        {
            return Checked(FormatInteger(value, type, format));
        }

        internal static string Format(double value, string format)
        {
            return Checked(FormatDouble(value, format));
        }

        internal static string Format(float value, string format)
        {
            return Checked(FormatSingle(value, format));
        }

        private static string Checked(string text)
        {
            if ((object)text == null)
            {
                throw new FormatException("Format specifier was invalid.");
            }

            return text;
        }

        internal static long Parse(string s, NumberStyles style, int type)
        {
            CheckIntegerStyle(style);
            if ((object)s == null)
            {
                throw new ArgumentNullException("s");
            }

            long value;
            int status = ParseInteger(s, (int)style, type, out value);
            if (status != Parsed)
            {
                throw status == BadFormat ? BadText(s) : new OverflowException(OverflowMessage(type));
            }

            return value;
        }

        internal static bool TryParse(string s, NumberStyles style, int type, out long value)
        {
            CheckIntegerStyle(style);
            value = 0;
            return (object)s != null && ParseInteger(s, (int)style, type, out value) == Parsed;
        }

        internal static double ParseFloat(string s, NumberStyles style, int type)
        {
            CheckFloatStyle(style);
            if ((object)s == null)
            {
                throw new ArgumentNullException("s");
            }

            double value;
            if (ParseFloating(s, (int)style, type, out value) != Parsed)
            {
                throw BadText(s);
            }

            return value;
        }

        internal static bool TryParseFloat(string s, NumberStyles style, int type, out double value)
        {
            CheckFloatStyle(style);
            value = 0;
            return (object)s != null && ParseFloating(s, (int)style, type, out value) == Parsed;
        }

        private static FormatException BadText(string s)
        {
            return new FormatException(string.Concat("The input string '", s, "' was not in a correct format."));
        }

        internal static string OverflowMessage(int type)
        {
            string name;
            switch (type)
            {
                case SByteType: name = "a signed byte."; break;
                case ByteType: name = "an unsigned byte."; break;
                case Int16Type: name = "an Int16."; break;
                case UInt16Type: name = "a UInt16."; break;
                case Int32Type: name = "an Int32."; break;
                case UInt32Type: name = "a UInt32."; break;
                case Int64Type: name = "an Int64."; break;
                default: name = "a UInt64."; break;
            }

            return string.Concat("Value was either too large or too small for ", name);
        }

        private static void CheckStyle(NumberStyles style)
        {
            if ((style & ~ValidStyles) != 0)
            {
                throw new ArgumentException("An undefined NumberStyles value is being used.", "style");
            }
        }

        private static void CheckIntegerStyle(NumberStyles style)
        {
            CheckStyle(style);
            if ((style & RadixStyles) != 0 && (style & ~(NumberStyles.HexNumber | RadixStyles)) != 0)
            {
                throw new ArgumentException(
                    "With the AllowHexSpecifier or AllowBinarySpecifier bit set in the enum bit field, the only other valid bits that can be combined into the enum value must be AllowLeadingWhite and AllowTrailingWhite.",
                    "style");
            }
        }

        private static void CheckFloatStyle(NumberStyles style)
        {
            CheckStyle(style);
            if ((style & RadixStyles) != 0)
            {
                throw new ArgumentException(
                    "The number styles AllowHexSpecifier and AllowBinarySpecifier are not supported on floating point data types.",
                    "style");
            }
        }
    }
}
