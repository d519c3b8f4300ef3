using System.Globalization;

namespace System
{
    public readonly struct UInt32 : IFormattable
    {
        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly uint m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.UInt32ToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format(this, Number.UInt32Type, format);
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

        public static uint Parse(string s)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static uint Parse(string s, NumberStyles style)
        {
            return (uint)Number.Parse(s, style, Number.UInt32Type);
        }

        public static uint Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Integer);
        }

        public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out uint result)
        {
            return TryParse(s, NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            long value;
            bool parsed = Number.TryParse(s, style, Number.UInt32Type, out value);
            result = (uint)value;
            return parsed;
        }
    }
}
