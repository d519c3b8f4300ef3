namespace System
{
    /// <summary>A member that exists for compatibility but that this runtime does not support.</summary>
    public class NotSupportedException : SystemException
    {
        public NotSupportedException()
            : base("Specified method is not supported.")
        {
        }

        public NotSupportedException(string message)
            : base(message ?? "Specified method is not supported.")
        {
        }

        public NotSupportedException(string message, Exception innerException)
            : base(message ?? "Specified method is not supported.", innerException)
        {
        }
    }
}
