namespace System
{
    /// <summary>An operation this type or this library does not offer.</summary>
    public class NotSupportedException : SystemException
    {
        private const string DefaultMessage = "Specified method is not supported.";

        public NotSupportedException()
            : base(DefaultMessage)
        {
        }

        public NotSupportedException(string message)
            : base(message ?? DefaultMessage)
        {
        }

        public NotSupportedException(string message, Exception innerException)
            : base(message ?? DefaultMessage, innerException)
        {
        }
    }
}
