using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// A green thread of the runtime: threads take turns on the interpreter (a time slice of backward
    /// branches and calls), and a blocked thread (Sleep, Join, lock, WaitOne) lets the others run.
    /// </summary>
    public sealed class Thread
    {
        // Read by the runtime as the first field: 0 not started, the runtime's thread + 1 while it runs, -1 ended.
#pragma warning disable CS0649 // the runtime sets it
        private int _index;
#pragma warning restore CS0649
        private readonly ThreadStart _start;
        private bool _background;
        private string _name;
        private ThreadPriority _priority = ThreadPriority.Normal;

        public Thread(ThreadStart start)
        {
            if (start == null)
            {
                throw new ArgumentNullException("start");
            }

            _start = start;
        }

        /// <summary>Starts the thread; ThreadStateException when it was started before.</summary>
        public void Start()
        {
            StartNative(_background);
        }

        // The runtime runs this first on the new thread.
        private void Run()
        {
            _start();
        }

        /// <summary>Blocks the calling thread for at least the given time (Timeout.Infinite: for ever).</summary>
        public static void Sleep(int millisecondsTimeout)
        {
            if (millisecondsTimeout < Timeout.Infinite)
            {
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            }

            SleepNative(millisecondsTimeout);
        }

        public void Join()
        {
            Join(Timeout.Infinite);
        }

        /// <summary>Waits for the thread to end: false when the timeout passed first.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern bool Join(int millisecondsTimeout);

        public static extern Thread CurrentThread
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        public extern bool IsAlive
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        /// <summary>A number for the thread (1 for the main thread), stable while it runs.</summary>
        public int ManagedThreadId
        {
            get { return _index > 0 ? _index : 0; }
        }

        /// <summary>A background thread does not keep the program running once Main has returned.</summary>
        public bool IsBackground
        {
            get { return _background; }
            set
            {
                _background = value;
                SetBackground(value);
            }
        }

        public string Name
        {
            get { return _name; }
            set { _name = value; }
        }

        /// <summary>Kept for compatibility: every thread gets the same share of the interpreter.</summary>
        public ThreadPriority Priority
        {
            get { return _priority; }
            set { _priority = value; }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern void StartNative(bool background);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern void SetBackground(bool background);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void SleepNative(int millisecondsTimeout);
    }

    public enum ThreadPriority
    {
        Lowest,
        BelowNormal,
        Normal,
        AboveNormal,
        Highest,
    }

    public static class Timeout
    {
        public const int Infinite = -1;
    }
}
