namespace System
{
    /// <summary>A checked operation or conversion whose result does not fit.</summary>
    public class OverflowException : ArithmeticException
    {
        public OverflowException()
            : base("Arithmetic operation resulted in an overflow.")
        {
        }

        public OverflowException(string message)
            : base(message ?? "Arithmetic operation resulted in an overflow.")
        {
        }

        public OverflowException(string message, Exception innerException)
            : base(message ?? "Arithmetic operation resulted in an overflow.", innerException)
        {
        }
    }
}
