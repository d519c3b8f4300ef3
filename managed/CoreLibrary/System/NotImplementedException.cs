namespace System
{
    /// <summary>A member that has no implementation (yet) in the program that throws it.</summary>
    public class NotImplementedException : SystemException
    {
        private const string DefaultMessage = "The method or operation is not implemented.";

        public NotImplementedException()
            : base(DefaultMessage)
        {
        }

        public NotImplementedException(string message)
            : base(message ?? DefaultMessage)
        {
        }

        public NotImplementedException(string message, Exception innerException)
            : base(message ?? DefaultMessage, innerException)
        {
        }
    }
}
