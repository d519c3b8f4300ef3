using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// .NET's Math: the transcendental functions, square root and integral rounding are internal calls over
    /// the C library's libm; the rest is managed, with .NET's rules for NaN and signed zeros.
    /// </summary>
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        private const string NegatingMinValue = "Negating the minimum value of a twos complement number is invalid.";

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Acos(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Asin(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atan(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atan2(double y, double x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Ceiling(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cos(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Exp(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Floor(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Log(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Log10(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Pow(double x, double y);

        /// <summary>The nearest integer, halves to the even one.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Round(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sin(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sqrt(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Tan(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Truncate(double d);

        /// <summary>As .NET: NaN for NaN arguments, a base of 1, 0 or +Infinity (except the cases IEEE defines).</summary>
        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a))
            {
                return a;
            }

            if (double.IsNaN(newBase))
            {
                return newBase;
            }

            if (newBase == 1.0 || (a != 1.0 && (newBase == 0.0 || double.IsPositiveInfinity(newBase))))
            {
                return double.NaN;
            }

            return Log(a) / Log(newBase);
        }

        public static double Round(double value, int digits)
        {
            return Round(value, digits, MidpointRounding.ToEven);
        }

        public static double Round(double value, MidpointRounding mode)
        {
            return Round(value, 0, mode);
        }

        /// <summary>Scales by 10^digits, rounds to an integer with the mode, scales back (as .NET does).</summary>
        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if (digits < 0 || digits > 15)
            {
                throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive.");
            }

            if (mode < MidpointRounding.ToEven || mode > MidpointRounding.ToPositiveInfinity)
            {
                throw new ArgumentException(string.Concat("The value '", ModeName(mode),
                    "' is not valid for this usage of the type MidpointRounding."), "mode");
            }

            if (Abs(value) >= 1e16)
            {
                return value; // no fractional digits left to round
            }

            double power10 = 1.0;
            for (int i = 0; i < digits; i++)
            {
                power10 *= 10.0;
            }

            return RoundIntegral(value * power10, mode) / power10;
        }

        private static double RoundIntegral(double value, MidpointRounding mode)
        {
            switch (mode)
            {
                case MidpointRounding.AwayFromZero:
                    double whole = Truncate(value);
                    double fraction = value - whole;
                    if (Abs(fraction) >= 0.5)
                    {
                        whole += fraction < 0.0 ? -1.0 : 1.0;
                    }

                    return whole;
                case MidpointRounding.ToZero:
                    return Truncate(value);
                case MidpointRounding.ToNegativeInfinity:
                    return Floor(value);
                case MidpointRounding.ToPositiveInfinity:
                    return Ceiling(value);
                default:
                    return Round(value);
            }
        }

        // An enum's ToString would print its number here, which is what .NET prints for undefined values.
        private static string ModeName(MidpointRounding mode)
        {
            return ((int)mode).ToString();
        }

        public static sbyte Abs(sbyte value)
        {
            if (value == sbyte.MinValue)
            {
                throw new OverflowException(NegatingMinValue);
            }

            return value < 0 ? (sbyte)-value : value;
        }

        public static short Abs(short value)
        {
            if (value == short.MinValue)
            {
                throw new OverflowException(NegatingMinValue);
            }

            return value < 0 ? (short)-value : value;
        }

        public static float Abs(float value)
        {
            // As the double overload: clears the sign of -0.0f, keeps NaN.
            if (value <= 0.0f)
            {
                return 0.0f - value;
            }

            return value;
        }

        public static int Abs(int value)
        {
            if (value < 0)
            {
                if (value == int.MinValue)
                {
                    throw new OverflowException(NegatingMinValue);
                }

                return -value;
            }

            return value;
        }

        public static long Abs(long value)
        {
            if (value < 0)
            {
                if (value == long.MinValue)
                {
                    throw new OverflowException(NegatingMinValue);
                }

                return -value;
            }

            return value;
        }

        public static double Abs(double value)
        {
            // 0.0 - x is exact and clears the sign of -0.0, which `-x` would keep. NaN fails the test and
            // is returned as it is.
            if (value <= 0.0)
            {
                return 0.0 - value;
            }

            return value;
        }

        public static int Max(int val1, int val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static long Max(long val1, long val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        /// <summary>NaN if either is NaN; +0.0 is greater than -0.0.</summary>
        public static double Max(double val1, double val2)
        {
            if (val1 != val2)
            {
                if (double.IsNaN(val1))
                {
                    return val1;
                }

                if (double.IsNaN(val2))
                {
                    return val2;
                }

                return val1 > val2 ? val1 : val2;
            }

            // Equal: only the sign of a zero can differ.
            return IsNegative(val2) ? val1 : val2;
        }

        public static int Min(int val1, int val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static long Min(long val1, long val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        /// <summary>NaN if either is NaN; -0.0 is less than +0.0.</summary>
        public static double Min(double val1, double val2)
        {
            if (val1 != val2)
            {
                if (double.IsNaN(val1))
                {
                    return val1;
                }

                if (double.IsNaN(val2))
                {
                    return val2;
                }

                return val1 < val2 ? val1 : val2;
            }

            return IsNegative(val1) ? val1 : val2;
        }

        // True for negative numbers and -0.0 (1 / -0.0 is -Infinity), false for NaN.
        private static bool IsNegative(double value)
        {
            return value < 0.0 || (value == 0.0 && 1.0 / value < 0.0);
        }
    
        public static byte Max(byte val1, byte val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static sbyte Max(sbyte val1, sbyte val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static short Max(short val1, short val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static ushort Max(ushort val1, ushort val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static uint Max(uint val1, uint val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static ulong Max(ulong val1, ulong val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static float Max(float val1, float val2)
        {
            return (float)Max((double)val1, (double)val2);
        }

        public static byte Min(byte val1, byte val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static sbyte Min(sbyte val1, sbyte val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static short Min(short val1, short val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static ushort Min(ushort val1, ushort val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static uint Min(uint val1, uint val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static ulong Min(ulong val1, ulong val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static float Min(float val1, float val2)
        {
            return (float)Min((double)val1, (double)val2);
        }

        public static int Sign(sbyte value)
        {
            return Sign((long)value);
        }

        public static int Sign(short value)
        {
            return Sign((long)value);
        }

        public static int Sign(int value)
        {
            return Sign((long)value);
        }

        public static int Sign(long value)
        {
            return value > 0 ? 1 : value < 0 ? -1 : 0;
        }

        public static int Sign(float value)
        {
            return Sign((double)value);
        }

        /// <summary>-1, 0 or 1; ArithmeticException for NaN.</summary>
        public static int Sign(double value)
        {
            if (double.IsNaN(value))
            {
                throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
            }

            return value > 0.0 ? 1 : value < 0.0 ? -1 : 0;
        }
    }
}
