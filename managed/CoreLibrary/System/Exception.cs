namespace System
{
    /// <summary>The base of every exception. Messages default to .NET's texts.</summary>
    public class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;

        public Exception()
        {
        }

        public Exception(string message)
        {
            _message = message;
        }

        public Exception(string message, Exception innerException)
        {
            _message = message;
            _innerException = innerException;
        }

        /// <summary>The message given, or .NET's default naming the exception's type.</summary>
        public virtual string Message
        {
            get { return _message ?? "Exception of type '" + GetType().FullName + "' was thrown."; }
        }

        public Exception InnerException
        {
            get { return _innerException; }
        }
    }
}
