using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// The runtime's garbage collector: mark-sweep over the one managed heap, run when an allocation does not
    /// fit, or here on demand. Finalizers are not supported: no object's Finalize ever runs, so there is never
    /// anything to wait for or to suppress.
    /// </summary>
    public static class GC
    {
        /// <summary>Collects now: every object no longer reachable is freed.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Collect();

        /// <summary>Bytes of the heap in use (after a collection when <paramref name="forceFullCollection"/>).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long GetTotalMemory(bool forceFullCollection);

        /// <summary>Returns at once: finalizers are not supported, none is ever pending.</summary>
        public static void WaitForPendingFinalizers()
        {
        }

        /// <summary>Checks its argument as .NET does; finalizers are not supported, so there is nothing to suppress.</summary>
        public static void SuppressFinalize(object obj)
        {
            if (obj == null)
            {
                throw new ArgumentNullException(nameof(obj));
            }
        }
    }
}
