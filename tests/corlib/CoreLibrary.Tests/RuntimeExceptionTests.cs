using System;
using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    /// <summary>Exceptions the runtime raises, caught as corlib's classes with .NET's messages.</summary>
    [TestClass]
    public class RuntimeExceptionTests
    {
        private static int Zero() => 0;

        /// <summary>The exception the action throws, null when it returns.</summary>
        private static Exception Caught(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                return e;
            }
            return null;
        }

        [TestMethod]
        public void Integer_division_by_zero()
        {
            Exception e = Caught(() => OutputHelper.WriteLine((1 / Zero()).ToString()));
            Assert.IsInstanceOfType(e, typeof(DivideByZeroException));
            Assert.IsInstanceOfType(e, typeof(ArithmeticException));
            Assert.AreEqual("Attempted to divide by zero.", e.Message);
        }

        [DataRow(int.MaxValue, 1)]
        [DataRow(int.MinValue, -1)]
        public void Checked_overflow(int a, int b)
        {
            Exception e = Caught(() => OutputHelper.WriteLine(checked(a + b).ToString()));
            Assert.IsInstanceOfType(e, typeof(OverflowException));
            Assert.AreEqual("Arithmetic operation resulted in an overflow.", e.Message);
        }

        [TestMethod]
        public void Calling_through_null()
        {
            string s = null;
            Exception e = Caught(() => OutputHelper.WriteLine(s.Length.ToString()));
            Assert.IsInstanceOfType(e, typeof(NullReferenceException));
            Assert.AreEqual("Object reference not set to an instance of an object.", e.Message);
        }

        [TestMethod]
        public void A_failed_cast()
        {
            object o = "text";
            Exception e = Caught(() => OutputHelper.WriteLine(((Exception)o).Message));
            Assert.IsInstanceOfType(e, typeof(InvalidCastException));
            Assert.AreEqual("Unable to cast object of type 'System.String' to type 'System.Exception'.", e.Message);
        }

        [TestMethod]
        public void ThrowsException_wants_the_exact_type()
        {
            var one = new int[1];
            Assert.ThrowsException(typeof(IndexOutOfRangeException), () => OutputHelper.WriteLine(one[Zero() + 1].ToString()));
            Assert.ThrowsException(typeof(InvalidOperationException), () => throw new InvalidOperationException());
            Assert.IsNull(Caught(() => Zero()));
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
