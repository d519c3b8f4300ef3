using System.Globalization;

namespace System
{
    public readonly struct Int32 : IFormattable
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly int m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format(this, Number.Int32Type, format);
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

        public static int Parse(string s)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static int Parse(string s, NumberStyles style)
        {
            return (int)Number.Parse(s, style, Number.Int32Type);
        }

        public static int Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static int Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out int result)
        {
            return TryParse(s, NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            long value;
            bool parsed = Number.TryParse(s, style, Number.Int32Type, out value);
            result = (int)value;
            return parsed;
        }
    }
}
