namespace System
{
    /// <summary>The heap is full.</summary>
    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException()
            : base("Insufficient memory to continue the execution of the program.")
        {
        }

        public OutOfMemoryException(string message)
            : base(message ?? "Insufficient memory to continue the execution of the program.")
        {
        }

        public OutOfMemoryException(string message, Exception innerException)
            : base(message ?? "Insufficient memory to continue the execution of the program.", innerException)
        {
        }
    }
}
