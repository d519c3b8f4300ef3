namespace System
{
    /// <summary>
    /// What an exception leaving a static constructor becomes; the runtime makes it (clr_type_init.c) and writes
    /// _typeName, its first own field, after Exception's.
    /// </summary>
    public sealed class TypeInitializationException : SystemException
    {
        private readonly string _typeName;

        /// <summary>.NET's message; the runtime writes the same text (clr_type_init.c).</summary>
        public TypeInitializationException(string fullTypeName, Exception innerException)
            : base("The type initializer for '" + fullTypeName + "' threw an exception.", innerException)
        {
            _typeName = fullTypeName;
        }

        public string TypeName
        {
            get { return _typeName ?? string.Empty; }
        }
    }
}
