using System.Runtime.CompilerServices;

namespace System
{
    // Constructors and the natives the other parts build strings with. The runtime makes strings: newobj of a
    // String constructor calls its internal call, which checks the arguments as .NET does and returns the string.
    public sealed partial class String
    {
        /// <summary>The characters of value; null or empty gives an empty string.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        /// <summary>A new string of this[startIndex .. startIndex + length) (the caller checked the range).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern string SubstringUnchecked(int startIndex, int length);

        /// <summary>Copies this[sourceIndex .. sourceIndex + count) to destination[destinationIndex ..].</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern void CopyChars(int sourceIndex, char[] destination, int destinationIndex, int count);
    }
}
