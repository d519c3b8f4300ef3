namespace System
{
    /// <summary>A call that is not valid in the object's current state.</summary>
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException()
            : base("Operation is not valid due to the current state of the object.")
        {
        }

        public InvalidOperationException(string message)
            : base(message ?? "Operation is not valid due to the current state of the object.")
        {
        }

        public InvalidOperationException(string message, Exception innerException)
            : base(message ?? "Operation is not valid due to the current state of the object.", innerException)
        {
        }
    }
}
