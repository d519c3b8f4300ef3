using System.Globalization;

namespace System
{
    public readonly struct Int64 : IFormattable
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly long m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int64ToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format(this, Number.Int64Type, format);
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

        public static long Parse(string s)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static long Parse(string s, NumberStyles style)
        {
            return (long)Number.Parse(s, style, Number.Int64Type);
        }

        public static long Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static long Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out long result)
        {
            return TryParse(s, NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            long value;
            bool parsed = Number.TryParse(s, style, Number.Int64Type, out value);
            result = (long)value;
            return parsed;
        }
    }
}
