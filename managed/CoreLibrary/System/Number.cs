using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Number to text, in C: the runtime formats as .NET's ToString() does with the invariant culture
    /// (integers in decimal with a leading '-', floating point as the shortest round-trip text,
    /// "NaN", "Infinity", "-Infinity", "-0").
    /// </summary>
    internal static class Number
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string Int32ToString(int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string UInt32ToString(uint value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string Int64ToString(long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string UInt64ToString(ulong value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string SingleToString(float value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string DoubleToString(double value);
    }
}
