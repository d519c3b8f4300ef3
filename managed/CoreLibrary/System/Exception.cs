namespace System
{
    /// <summary>
    /// The base of every exception. Messages default to .NET's texts. The runtime knows the three fields by
    /// position (in this order): it writes _message of the exceptions it raises and _stackTrace when a catch
    /// takes the exception (nf-interpreter-port/clr/clr_exception.c).
    /// </summary>
    public class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;
#pragma warning disable CS0649 // written by the runtime
        private string _stackTrace;
#pragma warning restore CS0649

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

        /// <summary>The frames from the throw to the catch, one "   at Namespace.Type.Method(Int32)" line each; null
        /// before the exception is thrown.</summary>
        public virtual string StackTrace
        {
            get { return _stackTrace; }
        }
    }
}
