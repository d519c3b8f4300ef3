namespace System
{
    /// <summary>A member accessed through a null reference.</summary>
    public class NullReferenceException : SystemException
    {
        public NullReferenceException()
            : base("Object reference not set to an instance of an object.")
        {
        }

        public NullReferenceException(string message)
            : base(message ?? "Object reference not set to an instance of an object.")
        {
        }

        public NullReferenceException(string message, Exception innerException)
            : base(message ?? "Object reference not set to an instance of an object.", innerException)
        {
        }
    }
}
