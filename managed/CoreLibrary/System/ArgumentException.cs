namespace System
{
    /// <summary>An argument that is not valid. The message names the parameter as .NET's does.</summary>
    public class ArgumentException : SystemException
    {
        private const string DefaultMessage = "Value does not fall within the expected range.";

        private readonly string _paramName;

        public ArgumentException()
            : base(DefaultMessage)
        {
        }

        public ArgumentException(string message)
            : base(message ?? DefaultMessage)
        {
        }

        public ArgumentException(string message, Exception innerException)
            : base(message ?? DefaultMessage, innerException)
        {
        }

        public ArgumentException(string message, string paramName)
            : base(message ?? DefaultMessage)
        {
            _paramName = paramName;
        }

        public ArgumentException(string message, string paramName, Exception innerException)
            : base(message ?? DefaultMessage, innerException)
        {
            _paramName = paramName;
        }

        public virtual string ParamName
        {
            get { return _paramName; }
        }

        public override string Message
        {
            get
            {
                string message = base.Message;
                if (string.IsNullOrEmpty(_paramName))
                {
                    return message;
                }

                return string.Concat(message, " (Parameter '", _paramName, "')");
            }
        }
    }
}
