using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// The base of every array type (single-dimension, zero-based: C#'s T[]). For those, C# reads the length
    /// with the ldlen instruction; Length here serves code that holds an Array.
    /// </summary>
    public abstract class Array
    {
        private protected Array()
        {
        }

        public extern int Length
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }
    }
}
