namespace System
{
    /// <summary>A cast to a type the object is not.</summary>
    public class InvalidCastException : SystemException
    {
        public InvalidCastException()
            : base("Specified cast is not valid.")
        {
        }

        public InvalidCastException(string message)
            : base(message ?? "Specified cast is not valid.")
        {
        }

        public InvalidCastException(string message, Exception innerException)
            : base(message ?? "Specified cast is not valid.", innerException)
        {
        }
    }
}
