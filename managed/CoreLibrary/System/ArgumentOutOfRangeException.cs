namespace System
{
    /// <summary>An argument outside the range the member accepts.</summary>
    public class ArgumentOutOfRangeException : ArgumentException
    {
        private const string DefaultMessage = "Specified argument was out of the range of valid values.";

        public ArgumentOutOfRangeException()
            : base(DefaultMessage)
        {
        }

        public ArgumentOutOfRangeException(string paramName)
            : base(DefaultMessage, paramName)
        {
        }

        public ArgumentOutOfRangeException(string paramName, string message)
            : base(message ?? DefaultMessage, paramName)
        {
        }
    }
}
