namespace System
{
    /// <summary>Managed helpers with .NET's results, including its rules for NaN and signed zeros.</summary>
    public static class Math
    {
        private const string NegatingMinValue = "Negating the minimum value of a twos complement number is invalid.";

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
    }
}
