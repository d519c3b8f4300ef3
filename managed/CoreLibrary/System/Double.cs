using System.Globalization;

namespace System
{
    /// <summary>IEEE 754 binary64. ToString gives the shortest text that reads back to the same value, as .NET does.</summary>
    public readonly struct Double : IFormattable
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly double m_value;
#pragma warning restore CS0169, CS0649

        public static bool IsNaN(double value)
        {
            // NaN is the one value that is not equal to itself.
#pragma warning disable CS1718
            return value != value;
#pragma warning restore CS1718
        }

        public static bool IsInfinity(double value)
        {
            return value == PositiveInfinity || value == NegativeInfinity;
        }

        public static bool IsPositiveInfinity(double value)
        {
            return value == PositiveInfinity;
        }

        public static bool IsNegativeInfinity(double value)
        {
            return value == NegativeInfinity;
        }

        public override string ToString()
        {
            return Number.DoubleToString(this);
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

        public static double Parse(string s)
        {
            return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands);
        }

        public static double Parse(string s, NumberStyles style)
        {
            return Number.ParseFloat(s, style, Number.DoubleType);
        }

        public static double Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands);
        }

        public static double Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static bool TryParse(string s, out double result)
        {
            return TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
        {
            double value;
            bool parsed = Number.TryParseFloat(s, style, Number.DoubleType, out value);
            result = value;
            return parsed;
        }
    }
}
