using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    [TestClass]
    public class StringTests
    {
        [DataRow("", 0)]
        [DataRow("hello", 5)]
        [DataRow("h\u00e9llo", 5)]
        [DataRow("\U0001F600", 2)] // a surrogate pair: two UTF-16 code units
        public void Length_counts_utf16_code_units(string text, int length)
        {
            Assert.AreEqual(length, text.Length);
        }

        [TestMethod]
        public void The_indexer_reads_code_units()
        {
            string s = "a\u00e9\U0001F600";
            Assert.AreEqual('a', s[0]);
            Assert.AreEqual('\u00e9', s[1]);
            Assert.AreEqual('\uD83D', s[2]);
            Assert.AreEqual('\uDE00', s[3]);
        }

        [TestMethod]
        public void The_indexer_outside_the_string_throws()
        {
            try
            {
                OutputHelper.WriteLine("read " + ((int)"abc"[3]).ToString());
                Assert.Fail("no exception");
            }
            catch (System.IndexOutOfRangeException e)
            {
                Assert.AreEqual("Index was outside the bounds of the array.", e.Message);
            }
        }

        [DataRow("ab", "cd", "abcd")]
        [DataRow("", "x", "x")]
        [DataRow(null, "y", "y")]
        [DataRow(null, null, "")]
        public void Concat_of_two_treats_null_as_empty(string a, string b, string expected)
        {
            Assert.AreEqual(expected, string.Concat(a, b));
        }

        [TestMethod]
        public void Concat_of_three_and_four()
        {
            Assert.AreEqual("abc", string.Concat("a", "b", "c"));
            Assert.AreEqual("abcd", string.Concat("a", "b", "c", "d"));
            Assert.AreEqual("ad", string.Concat("a", null, "", "d"));
        }

        [DataRow("abc", "abc", true)]
        [DataRow("abc", "abd", false)]
        [DataRow("abc", "ab", false)]
        [DataRow("", "", true)]
        [DataRow(null, null, true)]
        [DataRow(null, "", false)]
        public void Equality_compares_contents(string a, string b, bool equal)
        {
            Assert.AreEqual(equal, a == b);
            Assert.AreEqual(!equal, a != b);
            Assert.AreEqual(equal, string.Equals(a, b));
            if (a != null)
            {
                Assert.AreEqual(equal, a.Equals(b));
                Assert.AreEqual(equal, a.Equals((object)b));
            }
        }

        [TestMethod]
        public void Equal_strings_have_equal_hash_codes()
        {
            string built = string.Concat("hash", "code");
            Assert.AreNotSame("hashcode", built);
            Assert.AreEqual("hashcode".GetHashCode(), built.GetHashCode());
        }

        [TestMethod]
        public void Equals_with_an_object_of_another_type_is_false()
        {
            Assert.IsFalse("1".Equals(new object()));
        }

        [DataRow(null, true)]
        [DataRow("", true)]
        [DataRow(" ", false)]
        public void IsNullOrEmpty(string value, bool expected)
        {
            Assert.AreEqual(expected, string.IsNullOrEmpty(value));
        }

        [TestMethod]
        public void Empty_is_the_empty_string_and_ToString_is_the_same_object()
        {
            Assert.AreEqual(0, string.Empty.Length);
            string s = "same";
            Assert.AreSame(s, s.ToString());
        }
    }
}
