namespace System
{
    /// <summary>An index outside an array or string.</summary>
    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException()
            : base("Index was outside the bounds of the array.")
        {
        }

        public IndexOutOfRangeException(string message)
            : base(message ?? "Index was outside the bounds of the array.")
        {
        }

        public IndexOutOfRangeException(string message, Exception innerException)
            : base(message ?? "Index was outside the bounds of the array.", innerException)
        {
        }
    }
}
