namespace System
{
    /// <summary>A null argument where one is required.</summary>
    public class ArgumentNullException : ArgumentException
    {
        private const string DefaultMessage = "Value cannot be null.";

        public ArgumentNullException()
            : base(DefaultMessage)
        {
        }

        public ArgumentNullException(string paramName)
            : base(DefaultMessage, paramName)
        {
        }

        public ArgumentNullException(string paramName, string message)
            : base(message ?? DefaultMessage, paramName)
        {
        }
    }
}
