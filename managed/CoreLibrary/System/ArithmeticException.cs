namespace System
{
    /// <summary>The base of the arithmetic failures.</summary>
    public class ArithmeticException : SystemException
    {
        public ArithmeticException()
            : base("Overflow or underflow in the arithmetic operation.")
        {
        }

        public ArithmeticException(string message)
            : base(message ?? "Overflow or underflow in the arithmetic operation.")
        {
        }

        public ArithmeticException(string message, Exception innerException)
            : base(message ?? "Overflow or underflow in the arithmetic operation.", innerException)
        {
        }
    }
}
