using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions. A failed one throws <see cref="AssertFailedException"/> with MSTest's message
    /// ("Assert.AreEqual failed. Expected:&lt;1&gt;. Actual:&lt;2&gt;."), followed by the caller's message if any.
    /// Values are formatted only on failure (the device heap is precious).
    /// </summary>
    public static class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(char expected, char actual, string message = "") { if (expected != actual) NotEqual(Text(expected), Text(actual), message); }
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(byte expected, byte actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(short expected, short actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(ushort expected, ushort actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(int expected, int actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(uint expected, uint actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(long expected, long actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { if (expected != actual) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(float expected, float actual, string message = "") { if (!Same(expected, actual)) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(double expected, double actual, string message = "") { if (!Same(expected, actual)) NotEqual(expected.ToString(), actual.ToString(), message); }
        public static void AreEqual(string expected, string actual, string message = "") { if (expected != actual) NotEqual(Text(expected), Text(actual), message); }
        public static void AreEqual(object expected, object actual, string message = "") { if (!Equals(expected, actual)) NotEqual(Text(expected), Text(actual), message); }

        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(char notExpected, char actual, string message = "") { if (notExpected == actual) Equal(Text(actual), message); }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(short notExpected, short actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { if (notExpected == actual) Equal(actual.ToString(), message); }
        public static void AreNotEqual(float notExpected, float actual, string message = "") { if (Same(notExpected, actual)) Equal(actual.ToString(), message); }
        public static void AreNotEqual(double notExpected, double actual, string message = "") { if (Same(notExpected, actual)) Equal(actual.ToString(), message); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { if (notExpected == actual) Equal(Text(actual), message); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { if (Equals(notExpected, actual)) Equal(Text(actual), message); }

        public static void IsTrue(bool condition, string message = "") { if (!condition) Failed("Assert.IsTrue failed.", message); }
        public static void IsFalse(bool condition, string message = "") { if (condition) Failed("Assert.IsFalse failed.", message); }
        public static void IsNull(object value, string message = "") { if (value != null) Failed("Assert.IsNull failed.", message); }
        public static void IsNotNull(object value, string message = "") { if (value == null) Failed("Assert.IsNotNull failed.", message); }
        public static void AreSame(object expected, object actual, string message = "") { if (!ReferenceEquals(expected, actual)) Failed("Assert.AreSame failed.", message); }
        public static void AreNotSame(object notExpected, object actual, string message = "") { if (ReferenceEquals(notExpected, actual)) Failed("Assert.AreNotSame failed.", message); }

        public static void IsInstanceOfType(object value, Type expectedType, string message = "")
        {
            if (value == null || !expectedType.IsInstanceOfType(value))
                Failed(string.Concat(string.Concat("Assert.IsInstanceOfType failed. Expected type:<", expectedType.FullName, ">. Actual type:<"),
                    TypeName(value), ">."), message);
        }

        public static void IsNotInstanceOfType(object value, Type wrongType, string message = "")
        {
            if (value != null && wrongType.IsInstanceOfType(value))
                Failed(string.Concat(string.Concat("Assert.IsNotInstanceOfType failed. Wrong type:<", wrongType.FullName, ">. Actual type:<"),
                    TypeName(value), ">."), message);
        }

        /// <summary>The action must throw an exception of exactly this type (not a derived one), as in MSTest.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != exceptionType)
                    Failed(string.Concat(string.Concat("Assert.ThrowsException failed. Threw exception ", e.GetType().Name, ", but exception "),
                        exceptionType.Name, " was expected."), message);
                return;
            }
            Failed(string.Concat("Assert.ThrowsException failed. No exception thrown. ", exceptionType.Name, " exception was expected."), message);
        }

        /// <summary>Fails the test.</summary>
        public static void Fail(string message = "")
        {
            Failed("Assert.Fail failed.", message);
        }

        /// <summary>Ends the test as skipped (from Setup: the test does not run).</summary>
        public static void SkipTest(string message = "")
        {
            throw new SkipTestException(message);
        }

        // NaN equals NaN here, as in MSTest.
        private static bool Same(double a, double b) => a == b || (double.IsNaN(a) && double.IsNaN(b));
        private static bool Same(float a, float b) => a == b || (float.IsNaN(a) && float.IsNaN(b));

        private static void NotEqual(string expected, string actual, string message) =>
            Failed(string.Concat(string.Concat("Assert.AreEqual failed. Expected:<", expected, ">. Actual:<"), actual, ">."), message);

        private static void Equal(string actual, string message) =>
            Failed(string.Concat(string.Concat("Assert.AreNotEqual failed. Expected any value except:<", actual, ">. Actual:<"), actual, ">."), message);

        private static void Failed(string text, string message) =>
            throw new AssertFailedException(string.IsNullOrEmpty(message) ? text : string.Concat(text, " ", message));

        private static string Text(object value) => value == null ? "(null)" : value.ToString();

        private static string TypeName(object value) => value == null ? "(null)" : value.GetType().FullName;

        // Char.ToString does not exist on the device yet: a character shows as its code, U+0041.
        private static readonly string[] HexDigits = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F" };

        private static string Text(char c) =>
            string.Concat("U+", string.Concat(HexDigits[c >> 12], HexDigits[(c >> 8) & 0xF], HexDigits[(c >> 4) & 0xF], HexDigits[c & 0xF]));
    }
}
