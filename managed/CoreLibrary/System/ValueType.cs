using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The base of every struct. The runtime compares and hashes a struct field by field.</summary>
    public abstract class ValueType
    {
        /// <summary>True when obj is a value of the same type whose fields are equal (references by identity,
        /// strings by text).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public override extern bool Equals(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public override extern int GetHashCode();
    }
}
