namespace System
{
    /// <summary>
    /// The base of every array type. C# needs the type as soon as a signature mentions an array (the
    /// corlib's own NullableAttribute does). Length, element access and the rest come with the runtime's
    /// array support (slice 2).
    /// </summary>
    public abstract class Array
    {
        private protected Array()
        {
        }
    }
}
