using System.Runtime.CompilerServices;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// nanoFramework's collector API, for apps written against it. In nanoFramework it is in the
    /// nanoFramework.Runtime.Native assembly; this corlib carries it until that library exists.
    /// </summary>
    public static class GC
    {
        /// <summary>
        /// Collects now and returns the free bytes of the heap. The heap is never compacted (objects do not
        /// move), so <paramref name="compactHeap"/> changes nothing.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern uint Run(bool compactHeap);
    }
}
