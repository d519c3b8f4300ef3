using System.Globalization;

namespace System
{
    public readonly struct Byte : IFormattable
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly byte m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format(this, Number.ByteType, format);
        }

        /// <summary>The provider is not consulted: the invariant culture.</summary>
        public string ToString(IFormatProvider provider)
        {
            return ToString();
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return ToString(format);
        }

        public static byte Parse(string s)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static byte Parse(string s, NumberStyles style)
        {
            return (byte)Number.Parse(s, style, Number.ByteType);
        }

        public static byte Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out byte result)
        {
            return TryParse(s, NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            long value;
            bool parsed = Number.TryParse(s, style, Number.ByteType, out value);
            result = (byte)value;
            return parsed;
        }
    }
}
