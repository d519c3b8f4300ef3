using System;
using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    [TestClass]
    public class MathTests
    {
        [DataRow(5, 5)]
        [DataRow(-5, 5)]
        [DataRow(0, 0)]
        [DataRow(int.MaxValue, int.MaxValue)]
        [DataRow(-int.MaxValue, int.MaxValue)]
        public void Abs_of_int(int value, int expected)
        {
            Assert.AreEqual(expected, Math.Abs(value));
        }

        [DataRow(-9000000000L, 9000000000L)]
        [DataRow(long.MaxValue, long.MaxValue)]
        public void Abs_of_long(long value, long expected)
        {
            Assert.AreEqual(expected, Math.Abs(value));
        }

        [TestMethod]
        public void Abs_of_the_minimum_value_overflows()
        {
            try
            {
                Math.Abs(int.MinValue);
                Assert.Fail("int");
            }
            catch (OverflowException e)
            {
                Assert.AreEqual("Negating the minimum value of a twos complement number is invalid.", e.Message);
            }
            try
            {
                Math.Abs(long.MinValue);
                Assert.Fail("long");
            }
            catch (OverflowException)
            {
            }
        }

        [DataRow(-2.5, 2.5)]
        [DataRow(double.NegativeInfinity, double.PositiveInfinity)]
        [DataRow(double.NaN, double.NaN)]
        public void Abs_of_double(double value, double expected)
        {
            Assert.AreEqual(expected, Math.Abs(value));
        }

        [TestMethod]
        public void Abs_of_negative_zero_is_positive_zero()
        {
            Assert.AreEqual(double.PositiveInfinity, 1.0 / Math.Abs(-0.0));
        }

        [DataRow(1, 2, 1, 2)]
        [DataRow(-7, -8, -8, -7)]
        [DataRow(int.MinValue, int.MaxValue, int.MinValue, int.MaxValue)]
        public void Min_and_max_of_int(int a, int b, int min, int max)
        {
            Assert.AreEqual(min, Math.Min(a, b));
            Assert.AreEqual(max, Math.Max(a, b));
        }

        [DataRow(1L, 2L, 1L, 2L)]
        [DataRow(long.MinValue, 0L, long.MinValue, 0L)]
        public void Min_and_max_of_long(long a, long b, long min, long max)
        {
            Assert.AreEqual(min, Math.Min(a, b));
            Assert.AreEqual(max, Math.Max(a, b));
        }

        [DataRow(1.5, -1.5, -1.5, 1.5)]
        [DataRow(double.NaN, 1.0, double.NaN, double.NaN)]
        [DataRow(1.0, double.NaN, double.NaN, double.NaN)]
        [DataRow(double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity)]
        public void Min_and_max_of_double_with_nan(double a, double b, double min, double max)
        {
            Assert.AreEqual(min, Math.Min(a, b));
            Assert.AreEqual(max, Math.Max(a, b));
        }

        [TestMethod]
        public void Min_and_max_order_signed_zeros()
        {
            Assert.AreEqual(double.NegativeInfinity, 1.0 / Math.Min(0.0, -0.0));
            Assert.AreEqual(double.PositiveInfinity, 1.0 / Math.Max(-0.0, 0.0));
        }
    }
}
