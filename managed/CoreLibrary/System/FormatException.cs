namespace System
{
    /// <summary>A format string or a text to parse that is not valid.</summary>
    public class FormatException : SystemException
    {
        public FormatException()
            : base("One of the identified items was in an invalid format.")
        {
        }

        public FormatException(string message)
            : base(message ?? "One of the identified items was in an invalid format.")
        {
        }

        public FormatException(string message, Exception innerException)
            : base(message ?? "One of the identified items was in an invalid format.", innerException)
        {
        }
    }
}
