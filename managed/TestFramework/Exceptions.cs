using System;

namespace nanoFramework.TestFramework
{
    /// <summary>An assertion that did not hold: the test fails with this message.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>: the test (or, from Setup, its run) is skipped.</summary>
    public class SkipTestException : Exception
    {
        public SkipTestException(string message)
            : base(message)
        {
        }
    }
}
