using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>Locks on objects (what `lock` uses), with Wait/Pulse. A lock is held by a thread, re-entrantly.</summary>
    public static class Monitor
    {
        public static void Enter(object obj)
        {
            bool taken = false;
            Enter(obj, ref taken);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Enter(object obj, ref bool lockTaken);

        public static bool TryEnter(object obj)
        {
            return TryEnter(obj, 0);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool TryEnter(object obj, int millisecondsTimeout);

        /// <summary>SynchronizationLockException when the calling thread does not hold the lock.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Exit(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool IsEntered(object obj);

        public static bool Wait(object obj)
        {
            return Wait(obj, Timeout.Infinite);
        }

        /// <summary>Gives the lock up until a Pulse (true) or the timeout (false), then takes it back.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool Wait(object obj, int millisecondsTimeout);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Pulse(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void PulseAll(object obj);
    }
}
