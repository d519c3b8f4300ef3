namespace System
{
    /// <summary>
    /// The base of the exceptions the runtime and this library throw. As in .NET, a null message is kept
    /// (Message then falls back to Exception's text) while the derived exceptions substitute their own.
    /// </summary>
    public class SystemException : Exception
    {
        public SystemException()
            : base("System error.")
        {
        }

        public SystemException(string message)
            : base(message)
        {
        }

        public SystemException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
