using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    /// <summary>The test framework itself: Assert's messages and DataRow arguments for object parameters.</summary>
    [TestClass]
    public class AssertTests
    {
        private static string FailureOf(int which)
        {
            try
            {
                switch (which)
                {
                    case 0: Assert.AreEqual(1, 2); break;
                    case 1: Assert.AreEqual("a", null, "names differ"); break;
                    case 2: Assert.AreNotEqual(5L, 5L); break;
                    case 3: Assert.AreEqual('A', 'B'); break;
                    case 4: Assert.IsTrue(false); break;
                    case 5: Assert.IsNull(new object(), "should be null"); break;
                    case 6: Assert.AreSame(new object(), new object()); break;
                    case 7: Assert.Fail("stop"); break;
                    case 8: Assert.AreEqual(double.NaN, 0.5); break;
                    case 9: Assert.IsInstanceOfType("s", typeof(System.Exception)); break;
                    case 10: Assert.IsNotInstanceOfType("s", typeof(object)); break;
                    case 11: Assert.ThrowsException(typeof(System.Exception), () => throw new System.InvalidOperationException()); break;
                    case 12: Assert.ThrowsException(typeof(System.Exception), () => { }, "quiet"); break;
                    case 13: Assert.IsInstanceOfType(null, typeof(string)); break;
                }
            }
            catch (AssertFailedException e)
            {
                return e.Message;
            }
            return "no failure";
        }

        [DataRow(0, "Assert.AreEqual failed. Expected:<1>. Actual:<2>.")]
        [DataRow(1, "Assert.AreEqual failed. Expected:<a>. Actual:<(null)>. names differ")]
        [DataRow(2, "Assert.AreNotEqual failed. Expected any value except:<5>. Actual:<5>.")]
        [DataRow(3, "Assert.AreEqual failed. Expected:<U+0041>. Actual:<U+0042>.")]
        [DataRow(4, "Assert.IsTrue failed.")]
        [DataRow(5, "Assert.IsNull failed. should be null")]
        [DataRow(6, "Assert.AreSame failed.")]
        [DataRow(7, "Assert.Fail failed. stop")]
        [DataRow(8, "Assert.AreEqual failed. Expected:<NaN>. Actual:<0.5>.")]
        [DataRow(9, "Assert.IsInstanceOfType failed. Expected type:<System.Exception>. Actual type:<System.String>.")]
        [DataRow(10, "Assert.IsNotInstanceOfType failed. Wrong type:<System.Object>. Actual type:<System.String>.")]
        [DataRow(11, "Assert.ThrowsException failed. Threw exception InvalidOperationException, but exception Exception was expected.")]
        [DataRow(12, "Assert.ThrowsException failed. No exception thrown. Exception exception was expected. quiet")]
        [DataRow(13, "Assert.IsInstanceOfType failed. Expected type:<System.String>. Actual type:<(null)>.")]
        public void Failure_messages_read_like_mstest(int which, string message)
        {
            Assert.AreEqual(message, FailureOf(which));
        }

        [TestMethod]
        public void Passing_assertions_do_not_throw()
        {
            Assert.AreEqual(double.NaN, double.NaN);
            Assert.AreEqual(float.NaN, float.NaN);
            Assert.AreNotEqual(0.0f, 1.0f);
            Assert.AreEqual((object)null, null);
            Assert.IsNotNull("x");
            Assert.AreNotSame("x", new object());
        }

        [TestMethod]
        public void SkipTest_throws_SkipTestException_with_its_message()
        {
            try
            {
                Assert.SkipTest("later");
            }
            catch (SkipTestException e)
            {
                Assert.AreEqual("later", e.Message);
                return;
            }
            Assert.Fail("no exception");
        }

        [DataRow(42, "text", 2.5, true, 'c', null)]
        public void Object_parameters_take_boxed_values(object number, object text, object real, object flag, object letter, object nothing)
        {
            Assert.AreEqual("42", number.ToString());
            Assert.AreEqual("text", text);
            Assert.AreEqual("2.5", real.ToString());
            Assert.AreEqual("True", flag.ToString());
            Assert.IsTrue(letter is char);
            Assert.IsNull(nothing);
            Assert.IsTrue(number is int);
        }
    }
}
