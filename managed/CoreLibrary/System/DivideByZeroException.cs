namespace System
{
    /// <summary>Integer division or remainder by zero.</summary>
    public class DivideByZeroException : ArithmeticException
    {
        public DivideByZeroException()
            : base("Attempted to divide by zero.")
        {
        }

        public DivideByZeroException(string message)
            : base(message ?? "Attempted to divide by zero.")
        {
        }

        public DivideByZeroException(string message, Exception innerException)
            : base(message ?? "Attempted to divide by zero.", innerException)
        {
        }
    }
}
