using System;
using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    /// <summary>
    /// Exception.StackTrace. Our runtime's text is checked exactly (parameter types without names, no file or line);
    /// .NET's (parameter names, file and line) only for the same frames in the same order.
    /// </summary>
    [TestClass]
    public class StackTraceTests
    {
        private const string Type = "   at CoreLibrary.Tests.StackTraceTests.";

        private static void Thrower(int depth, string text)
        {
            if (depth == 0)
            {
                throw new InvalidOperationException(text);
            }

            Thrower(depth - 1, text);
        }

        private static Exception Caught(int depth)
        {
            try
            {
                Thrower(depth, "x");
            }
            catch (Exception e)
            {
                return e;
            }

            return null;
        }

        private static void Rethrower()
        {
            try
            {
                Thrower(0, "again");
            }
            catch (InvalidOperationException)
            {
                throw;
            }
        }

        private static Exception CaughtRethrown()
        {
            try
            {
                Rethrower();
            }
            catch (Exception e)
            {
                return e;
            }

            return null;
        }

        /// <summary>On .NET: each line starts as ours does (before the parameter names and the source position).</summary>
        private static void AssertTrace(string[] expected, string actual)
        {
            Assert.IsNotNull(actual);
            string[] lines = actual.Split('\n');
            Assert.AreEqual(expected.Length, lines.Length, actual);
#if DEVICE
            Assert.AreEqual(string.Join("\n", expected), actual);
#else
            for (int i = 0; i < lines.Length; i++)
            {
                string method = expected[i].Substring(0, expected[i].IndexOf('(') + 1);
                Assert.IsTrue(lines[i].StartsWith(method), lines[i]);
            }
#endif
        }

        [TestMethod]
        public void StackTrace_is_null_before_the_throw()
        {
            Assert.IsNull(new Exception("never thrown").StackTrace);
        }

        [TestMethod]
        public void StackTrace_lists_the_frames_from_the_throw_to_the_catch()
        {
            AssertTrace(new string[]
            {
                Type + "Thrower(Int32, String)",
                Type + "Thrower(Int32, String)",
                Type + "Thrower(Int32, String)",
                Type + "Caught(Int32)",
            }, Caught(2).StackTrace);
        }

        [TestMethod]
        public void A_rethrow_keeps_the_trace_and_adds_the_frames_below()
        {
            AssertTrace(new string[]
            {
                Type + "Thrower(Int32, String)",
                Type + "Rethrower()",
                Type + "CaughtRethrown()",
            }, CaughtRethrown().StackTrace);
        }

        [TestMethod]
        public void A_throw_of_a_caught_exception_starts_a_new_trace()
        {
            Exception e = Caught(1);
            try
            {
                throw e;
            }
            catch (Exception again)
            {
                AssertTrace(new string[] { Type + "A_throw_of_a_caught_exception_starts_a_new_trace()" }, again.StackTrace);
            }
        }

        [TestMethod]
        public void A_runtime_exception_has_a_trace()
        {
            try
            {
                object o = "text";
                Assert.IsNull((Exception)o);
            }
            catch (InvalidCastException e)
            {
                AssertTrace(new string[] { Type + "A_runtime_exception_has_a_trace()" }, e.StackTrace);
            }
        }

#if DEVICE
        [TestMethod]
        public void An_internal_call_that_throws_is_the_first_frame()
        {
            try
            {
                Assert.IsNull(new string('a', -1));
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.AreEqual("   at System.String..ctor(Char, Int32)\n" + Type + "An_internal_call_that_throws_is_the_first_frame()", e.StackTrace);
            }
        }

        [TestMethod]
        public void A_deep_trace_shows_its_ends()
        {
            // 22 frames (the device's call stack holds 32): the 15 innermost, a line for the 3 left out, the 4 outermost.
            string[] lines = Caught(20).StackTrace.Split('\n');
            Assert.AreEqual(20, lines.Length);
            Assert.AreEqual(Type + "Thrower(Int32, String)", lines[14]);
            Assert.AreEqual("   ... 3 more frames ...", lines[15]);
            Assert.AreEqual(Type + "Caught(Int32)", lines[19]);
        }
#else
        [TestMethod]
        public void An_internal_call_that_throws_is_the_first_frame()
        {
            try
            {
                Assert.IsNull(new string('a', -1));
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.IsTrue(e.StackTrace.Contains("   at System.String.Ctor(Char c, Int32 count)\n"), e.StackTrace);
            }
        }

        [TestMethod]
        public void A_deep_trace_shows_its_ends()
        {
            Assert.AreEqual(22, Caught(20).StackTrace.Split('\n').Length);
        }
#endif

        [TestMethod]
        public void A_failed_type_initialiser_names_its_type_and_keeps_the_inner_exception()
        {
            TypeInitializationException first = null;
            try
            {
                Assert.AreEqual(0, FailingType.Value);
            }
            catch (TypeInitializationException e)
            {
                first = e;
            }

            Assert.IsNotNull(first);
            Assert.AreEqual("The type initializer for 'CoreLibrary.Tests.FailingType' threw an exception.", first.Message);
            Assert.AreEqual("CoreLibrary.Tests.FailingType", first.TypeName);
            Assert.IsInstanceOfType(first.InnerException, typeof(NotImplementedException));
            Assert.AreEqual("from the static constructor", first.InnerException.Message);
            Assert.IsTrue(first.InnerException.StackTrace.IndexOf("FailingType..cctor()") > 0, first.InnerException.StackTrace);
            try
            {
                FailingType.Value = 2;
            }
            catch (TypeInitializationException again)
            {
                Assert.IsTrue(ReferenceEquals(first, again));
            }
        }
    }

    public static class FailingType
    {
        public static int Value;

        static FailingType()
        {
            throw new NotImplementedException("from the static constructor");
        }
    }
}
