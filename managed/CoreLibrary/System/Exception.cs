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

        /// <summary>
        /// The message given, or a default. .NET's default names the actual exception type; that needs
        /// GetType (slice 2 of the runtime), so until then it names System.Exception. The exceptions
        /// of this library pass their own default text and never reach it.
        /// </summary>
        public virtual string Message
        {
            get { return _message ?? "Exception of type 'System.Exception' was thrown."; }
        }

        public Exception InnerException
        {
            get { return _innerException; }
        }
    }
}
