using System.Runtime.CompilerServices;

namespace System
{
    // Constructors. The runtime makes strings, so newobj of a String constructor calls the static Ctor
    // factory with the same parameters instead (as .NET does); the constructor bodies never run.
    public sealed partial class String
    {
        public String(char[] value)
        {
        }

        public String(char[] value, int startIndex, int length)
        {
        }

        public String(char c, int count)
        {
        }

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0)
            {
                return Empty;
            }

            return FromChars(value, 0, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            ThrowHelper.CheckRange(startIndex, "length", length, value.Length);
            return length == 0 ? Empty : FromChars(value, startIndex, length);
        }

        private static string Ctor(char c, int count)
        {
            if (count < 0)
            {
                throw ThrowHelper.Negative("count", count);
            }

            return count == 0 ? Empty : Repeat(c, count);
        }

        /// <summary>A new string of value[startIndex .. startIndex + length) (the caller checked the range).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FromChars(char[] value, int startIndex, int length);

        /// <summary>A new string of count copies of c (count checked by the caller).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string Repeat(char c, int count);

        /// <summary>A new string of this[startIndex .. startIndex + length) (the caller checked the range).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern string SubstringUnchecked(int startIndex, int length);

        /// <summary>Copies this[sourceIndex .. sourceIndex + count) to destination[destinationIndex ..].</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern void CopyChars(int sourceIndex, char[] destination, int destinationIndex, int count);
    }
}
