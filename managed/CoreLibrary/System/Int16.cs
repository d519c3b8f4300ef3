using System.Globalization;

namespace System
{
    public readonly struct Int16 : IFormattable
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly short m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format(this, Number.Int16Type, format);
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

        public static short Parse(string s)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static short Parse(string s, NumberStyles style)
        {
            return (short)Number.Parse(s, style, Number.Int16Type);
        }

        public static short Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static short Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out short result)
        {
            return TryParse(s, NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
        {
            long value;
            bool parsed = Number.TryParse(s, style, Number.Int16Type, out value);
            result = (short)value;
            return parsed;
        }
    }
}
