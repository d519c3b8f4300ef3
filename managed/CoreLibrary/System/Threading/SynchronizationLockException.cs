namespace System.Threading
{
    /// <summary>Monitor.Exit, Wait or Pulse without holding the object's lock.</summary>
    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException()
            : base("Object synchronization method was called from an unsynchronized block of code.")
        {
        }

        public SynchronizationLockException(string message)
            : base(message)
        {
        }
    }

    /// <summary>An operation the thread's state does not allow (Start twice, Join before Start).</summary>
    public class ThreadStateException : SystemException
    {
        public ThreadStateException()
            : base("Thread is running or terminated; it cannot restart.")
        {
        }

        public ThreadStateException(string message)
            : base(message)
        {
        }
    }
}
