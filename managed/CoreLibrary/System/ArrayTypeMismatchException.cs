namespace System
{
    /// <summary>An element stored into an array of an incompatible type.</summary>
    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException()
            : base("Attempted to access an element as a type incompatible with the array.")
        {
        }

        public ArrayTypeMismatchException(string message)
            : base(message ?? "Attempted to access an element as a type incompatible with the array.")
        {
        }

        public ArrayTypeMismatchException(string message, Exception innerException)
            : base(message ?? "Attempted to access an element as a type incompatible with the array.", innerException)
        {
        }
    }
}
