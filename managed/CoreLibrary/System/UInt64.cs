using System.Globalization;

namespace System
{
    public readonly struct UInt64 : IFormattable
    {
        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly ulong m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.UInt64ToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format((long)this, Number.UInt64Type, format);
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

        public static ulong Parse(string s)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static ulong Parse(string s, NumberStyles style)
        {
            return (ulong)Number.Parse(s, style, Number.UInt64Type);
        }

        public static ulong Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out ulong result)
        {
            return TryParse(s, NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            long value;
            bool parsed = Number.TryParse(s, style, Number.UInt64Type, out value);
            result = (ulong)value;
            return parsed;
        }
    }
}
