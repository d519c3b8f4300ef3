using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>Something a thread can wait for.</summary>
    public abstract class WaitHandle : IDisposable
    {
        public const int WaitTimeout = 258;

        public virtual bool WaitOne()
        {
            return WaitOne(Timeout.Infinite, false);
        }

        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext)
        {
            return WaitOne(millisecondsTimeout);
        }

        /// <summary>true when signalled, false when the timeout passed first.</summary>
        public abstract bool WaitOne(int millisecondsTimeout);

        public virtual void Close()
        {
        }

        public void Dispose()
        {
            Close();
        }
    }

    public enum EventResetMode
    {
        AutoReset,
        ManualReset,
    }

    /// <summary>An event: Set wakes the waiters (an auto-reset one lets exactly one through).</summary>
    public class EventWaitHandle : WaitHandle
    {
        // Read by the runtime in this order.
        private bool _signaled;
        private readonly bool _autoReset;

        public EventWaitHandle(bool initialState, EventResetMode mode)
        {
            _signaled = initialState;
            _autoReset = mode == EventResetMode.AutoReset;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern bool Set();

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern bool Reset();

        public override bool WaitOne(int millisecondsTimeout)
        {
            if (millisecondsTimeout < Timeout.Infinite)
            {
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            }

            return WaitNative(millisecondsTimeout);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern bool WaitNative(int millisecondsTimeout);
    }

    public sealed class ManualResetEvent : EventWaitHandle
    {
        public ManualResetEvent(bool initialState)
            : base(initialState, EventResetMode.ManualReset)
        {
        }
    }

    public sealed class AutoResetEvent : EventWaitHandle
    {
        public AutoResetEvent(bool initialState)
            : base(initialState, EventResetMode.AutoReset)
        {
        }
    }
}
