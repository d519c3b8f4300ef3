namespace System
{
    /// <summary>
    /// An argument outside the range the method accepts. As on .NET, the message names the parameter and,
    /// when one was given, the actual value on a second line.
    /// </summary>
    public class ArgumentOutOfRangeException : ArgumentException
    {
        private const string DefaultMessage = "Specified argument was out of the range of valid values.";

        private readonly object _actualValue;

        public ArgumentOutOfRangeException()
            : base(DefaultMessage)
        {
        }

        public ArgumentOutOfRangeException(string paramName)
            : base(DefaultMessage, paramName)
        {
        }

        public ArgumentOutOfRangeException(string paramName, string message)
            : base(message ?? DefaultMessage, paramName)
        {
        }

        public ArgumentOutOfRangeException(string message, Exception innerException)
            : base(message ?? DefaultMessage, innerException)
        {
        }

        public ArgumentOutOfRangeException(string paramName, object actualValue, string message)
            : base(message ?? DefaultMessage, paramName)
        {
            _actualValue = actualValue;
        }

        public virtual object ActualValue
        {
            get { return _actualValue; }
        }

        public override string Message
        {
            get
            {
                string message = base.Message;
                if (_actualValue == null)
                {
                    return message;
                }

                return string.Concat(message, "\nActual value was ", _actualValue.ToString(), ".");
            }
        }
    }
}
