using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>Atomic updates: each is one internal call, and threads never switch inside one.</summary>
    public static class Interlocked
    {
        public static int Increment(ref int location)
        {
            return Add(ref location, 1);
        }

        public static int Decrement(ref int location)
        {
            return Add(ref location, -1);
        }

        public static long Increment(ref long location)
        {
            return Add(ref location, 1);
        }

        public static long Decrement(ref long location)
        {
            return Add(ref location, -1);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Add(ref int location1, int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long Add(ref long location1, long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Exchange(ref int location1, int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long Exchange(ref long location1, long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern object Exchange(ref object location1, object value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int CompareExchange(ref int location1, int value, int comparand);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long CompareExchange(ref long location1, long value, long comparand);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern object CompareExchange(ref object location1, object value, object comparand);
    }
}
