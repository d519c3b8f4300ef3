using System.Runtime.CompilerServices;

namespace nanoFramework.Runtime.Events
{
    /// <summary>
    /// Events the native layer posts (interrupts: GPIO edges, radio events), in order. The board's drivers
    /// post them; a thread takes them here. A full queue drops new events and counts them (LostCount), and
    /// the runtime logs every loss.
    /// </summary>
    public static class NativeEventQueue
    {
        /// <summary>The oldest event (true), or false when the timeout passed first (Timeout.Infinite: wait).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool WaitForEvent(int millisecondsTimeout, out uint source, out uint data0, out uint data1);

        public static extern int LostCount
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }
    }
}
