using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    [TestClass]
    public class NumberToStringTests
    {
        [DataRow(0, "0")]
        [DataRow(42, "42")]
        [DataRow(-42, "-42")]
        [DataRow(int.MaxValue, "2147483647")]
        [DataRow(int.MinValue, "-2147483648")]
        public void Int32(int value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [DataRow(0L, "0")]
        [DataRow(-1L, "-1")]
        [DataRow(long.MaxValue, "9223372036854775807")]
        [DataRow(long.MinValue, "-9223372036854775808")]
        public void Int64(long value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [DataRow(uint.MaxValue, "4294967295")]
        public void UInt32(uint value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [DataRow(ulong.MaxValue, "18446744073709551615")]
        public void UInt64(ulong value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [DataRow((sbyte)-128, (byte)255, (short)-32768, (ushort)65535, "-128 255 -32768 65535")]
        public void Small_integers(sbyte a, byte b, short c, ushort d, string text)
        {
            Assert.AreEqual(text, string.Concat(string.Concat(a.ToString(), " ", b.ToString()), " ", string.Concat(c.ToString(), " ", d.ToString())));
        }

        [DataRow(0.0, "0")]
        [DataRow(-0.0, "-0")]
        [DataRow(1.5, "1.5")]
        [DataRow(0.1, "0.1")]
        [DataRow(1.0 / 3.0, "0.3333333333333333")]
        [DataRow(1e16, "10000000000000000")]
        [DataRow(1e17, "1E+17")]
        [DataRow(123456789012345.0, "123456789012345")]
        [DataRow(1.5e-5, "1.5E-05")]
        [DataRow(0.0001, "0.0001")]
        [DataRow(double.MaxValue, "1.7976931348623157E+308")]
        [DataRow(double.Epsilon, "5E-324")]
        [DataRow(double.NaN, "NaN")]
        [DataRow(double.PositiveInfinity, "Infinity")]
        [DataRow(double.NegativeInfinity, "-Infinity")]
        public void Double(double value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [DataRow(0.1f, "0.1")]
        [DataRow(16777216f, "16777216")]
        [DataRow(1e9f, "1E+09")]
        [DataRow(float.MaxValue, "3.4028235E+38")]
        public void Single(float value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [DataRow(true, "True")]
        [DataRow(false, "False")]
        public void Boolean(bool value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }
    }
}
