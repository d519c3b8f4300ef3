using System;
using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    /// <summary>Exceptions the runtime raises, caught as corlib's classes with .NET's messages.</summary>
    [TestClass]
    public class RuntimeExceptionTests
    {
        private static int Zero() => 0;

        [TestMethod]
        public void Integer_division_by_zero()
        {
            try
            {
                OutputHelper.WriteLine((1 / Zero()).ToString());
                Assert.Fail("no exception");
            }
            catch (DivideByZeroException e)
            {
                Assert.AreEqual("Attempted to divide by zero.", e.Message);
                Assert.IsTrue(e is ArithmeticException);
            }
        }

        [DataRow(int.MaxValue, 1)]
        [DataRow(int.MinValue, -1)]
        public void Checked_overflow(int a, int b)
        {
            try
            {
                int sum = checked(a + b * b * (a < 0 ? -1 : 1));
                OutputHelper.WriteLine(sum.ToString());
                Assert.Fail("no exception");
            }
            catch (OverflowException e)
            {
                Assert.AreEqual("Arithmetic operation resulted in an overflow.", e.Message);
            }
        }

        [TestMethod]
        public void Calling_through_null()
        {
            string s = null;
            try
            {
                OutputHelper.WriteLine(s.Length.ToString());
                Assert.Fail("no exception");
            }
            catch (NullReferenceException e)
            {
                Assert.AreEqual("Object reference not set to an instance of an object.", e.Message);
            }
        }

        [TestMethod]
        public void A_failed_cast()
        {
            object o = "text";
            try
            {
                OutputHelper.WriteLine(((Exception)o).Message);
                Assert.Fail("no exception");
            }
            catch (InvalidCastException e)
            {
                Assert.AreEqual("Unable to cast object of type 'System.String' to type 'System.Exception'.", e.Message);
            }
        }

        [TestMethod]
        public void Finally_blocks_run_before_the_catch()
        {
            string trail = "";
            try
            {
                try
                {
                    trail = "try ";
                    Zero().ToString();
                    throw new InvalidOperationException("mine");
                }
                finally
                {
                    trail = string.Concat(trail, "finally ");
                }
            }
            catch (InvalidOperationException e) when (e.Message == "mine")
            {
                trail = string.Concat(trail, "catch");
            }
            Assert.AreEqual("try finally catch", trail);
        }

        [TestMethod]
        public void Default_messages_of_corlib_exceptions()
        {
            Assert.AreEqual("Exception of type 'System.Exception' was thrown.", new Exception().Message);
            Assert.AreEqual("Operation is not valid due to the current state of the object.", new InvalidOperationException().Message);
            Assert.AreEqual("Value does not fall within the expected range.", new ArgumentException().Message);
            var inner = new Exception("inner");
            Assert.AreSame(inner, new Exception("outer", inner).InnerException);
        }
    }
}
