using System;
using nanoFramework.TestFramework;

// What the runners do with failing, skipped and malformed tests; both print expected.txt.
namespace Scenarios
{
    public class MyException : Exception
    {
    }

    [TestClass]
    public class Lifecycle
    {
        private int _runs;

        [Setup]
        public void Setup() => OutputHelper.WriteLine("setup " + (++_runs).ToString());

        [Cleanup]
        public void Cleanup() => OutputHelper.WriteLine("cleanup");

        [TestMethod] public void Passes() { }
        [TestMethod] public void Fails() => Assert.AreEqual(1, 2, "one is not two");
        [TestMethod] public void Skips() => Assert.SkipTest("later");
        [TestMethod] public void Divides() => OutputHelper.WriteLine((1 / _runs / 0).ToString());
        [TestMethod] public void ThrowsWithoutMessage() => throw new MyException();
        [TestMethod] public void CallsThroughNull() => OutputHelper.WriteLine(((string)null).Length.ToString());

        [DataRow("x")]
        [DataRow(1, 2)]
        [DataRow(1L)]
        [DataRow(null)]
        [DataRow(7)]
        public void TakesAnInt(int value) => OutputHelper.WriteLine("value " + value.ToString());

        [TestMethod]
        public void HasParametersButNoDataRow(int value) { }
    }

    [TestClass]
    public class SetupThrows
    {
        [Setup] public void Setup() => throw new InvalidOperationException("no fixture");
        [Cleanup] public void Cleanup() => OutputHelper.WriteLine("cleanup must not run");
        [TestMethod] public void NeverRuns() => OutputHelper.WriteLine("test must not run");
    }

    [TestClass]
    public class SetupSkips
    {
        [Setup] public static void Setup() => Assert.SkipTest("not on this board");
        [TestMethod] public static void NeverRuns() => OutputHelper.WriteLine("test must not run");
    }

    [TestClass]
    public class CleanupThrows
    {
        [Cleanup] public void Cleanup() => throw new MyException();
        [TestMethod] public void PassesButCleanupFails() { }
        [TestMethod] public void SkipsButCleanupFails() => Assert.SkipTest("skipped");
        [TestMethod] public void FailsAndCleanupFails() => Assert.Fail("first");
    }

    [TestClass]
    public class NoParameterlessConstructor
    {
        public NoParameterlessConstructor(int unused) { }
        [TestMethod] public void InstanceTest() { }
        [TestMethod] public static void StaticTestStillRuns() => OutputHelper.WriteLine("static ran");
    }

    [TestClass]
    public class ConstructorThrows
    {
        public ConstructorThrows() => throw new InvalidOperationException("constructor");
        [TestMethod] public void First() { }
        [TestMethod] public void Second() { }
    }

    [TestClass]
    public abstract class AbstractClass
    {
        [TestMethod] public void InstanceTest() { }
    }

    public class Outer
    {
        [TestClass]
        public class Nested
        {
            [DataRow('q', "text", 2.5f, -1.0, true, null, (byte)200, 9000000000L, 42u)]
            public void Arguments(char c, string s, float f, double d, bool b, string n, byte by, long l, object o) { }
        }
    }

    public class NotATestClass
    {
        [TestMethod] public void Ignored() => OutputHelper.WriteLine("must not run");
    }
}
