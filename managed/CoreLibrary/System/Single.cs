using System.Globalization;

namespace System
{
    /// <summary>IEEE 754 binary32. ToString gives the shortest text that reads back to the same value, as .NET does.</summary>
    public readonly struct Single : IFormattable
    {
        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly float m_value;
#pragma warning restore CS0169, CS0649

        public static bool IsNaN(float value)
        {
            // NaN is the one value that is not equal to itself.
#pragma warning disable CS1718
            return value != value;
#pragma warning restore CS1718
        }

        public static bool IsInfinity(float value)
        {
            return value == PositiveInfinity || value == NegativeInfinity;
        }

        public static bool IsPositiveInfinity(float value)
        {
            return value == PositiveInfinity;
        }

        public static bool IsNegativeInfinity(float value)
        {
            return value == NegativeInfinity;
        }

        public override string ToString()
        {
            return Number.SingleToString(this);
        }

        /// <summary>A standard ("D8", "X4", "F2", "E3", "N0", "G5"...) or custom ("#,##0.00") format string; null or "" as ToString().</summary>
        public string ToString(string format)
        {
            return Number.Format(this, format);
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

        public static float Parse(string s)
        {
            return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands);
        }

        public static float Parse(string s, NumberStyles style)
        {
            return (float)Number.ParseFloat(s, style, Number.SingleType);
        }

        public static float Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands);
        }

        public static float Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out float result)
        {
            return TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result)
        {
            double value;
            bool parsed = Number.TryParseFloat(s, style, Number.SingleType, out value);
            result = (float)value;
            return parsed;
        }
    }
}
