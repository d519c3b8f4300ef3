using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    [TestClass]
    public class StringTests
    {
        [TestMethod]
        public void Length_counts_utf16_code_units()
        {
            Assert.AreEqual(0, "".Length);
            Assert.AreEqual(5, "hello".Length);
            Assert.AreEqual(2, "\U0001F600".Length);
        }

        [DataRow("ab", "cd", "abcd")]
        [DataRow("", "x", "x")]
        [DataRow(null, "y", "y")]
        public void Concat_joins(string a, string b, string expected)
        {
            Assert.AreEqual(expected, string.Concat(a, b));
        }

        [TestMethod]
        public void Failing_on_purpose()
        {
            Assert.AreEqual(1, 2);
        }
    }
}
