namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Features the compiler may rely on; C# checks for these names. Each one present changes how every
    /// assembly built against this corlib is compiled, so each is added deliberately.
    /// </summary>
    public static class RuntimeFeature
    {
        /// <summary>
        /// <c>nint</c>/<c>nuint</c> are IntPtr/UIntPtr, with the language's arithmetic on them. Without it,
        /// C# marks every native-int use with an attribute and embeds that attribute in each assembly.
        /// </summary>
        public const string NumericIntPtr = nameof(NumericIntPtr);
    }
}
