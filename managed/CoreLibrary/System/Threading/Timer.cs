namespace System.Threading
{
    public delegate void TimerCallback(object state);

    /// <summary>
    /// Calls back after dueTime and then every period (0 or Timeout.Infinite: once). Each timer runs its
    /// callbacks on its own background thread, one at a time.
    /// </summary>
    public sealed class Timer : IDisposable
    {
        private readonly TimerCallback _callback;
        private readonly object _state;
        private readonly AutoResetEvent _changed = new AutoResetEvent(false);
        private int _dueTime;
        private int _period;
        private int _generation;
        private bool _disposed;

        public Timer(TimerCallback callback, object state, int dueTime, int period)
        {
            if (callback == null)
            {
                throw new ArgumentNullException("callback");
            }

            Check(dueTime, period);
            _callback = callback;
            _state = state;
            _dueTime = dueTime;
            _period = period;
            Thread thread = new Thread(Run);
            thread.IsBackground = true;
            thread.Start();
        }

        public bool Change(int dueTime, int period)
        {
            Check(dueTime, period);
            _dueTime = dueTime;
            _period = period;
            _generation++;
            _changed.Set();
            return !_disposed;
        }

        public void Dispose()
        {
            _disposed = true;
            _changed.Set();
        }

        private static void Check(int dueTime, int period)
        {
            if (dueTime < Timeout.Infinite)
            {
                throw new ArgumentOutOfRangeException("dueTime", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            }

            if (period < Timeout.Infinite)
            {
                throw new ArgumentOutOfRangeException("period", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            }
        }

        private void Run()
        {
            int seen = -1;
            int wait = 0;
            while (!_disposed)
            {
                if (seen != _generation)
                {
                    seen = _generation;
                    wait = _dueTime;
                }

                if (wait != 0 && _changed.WaitOne(wait))
                {
                    continue; // changed or disposed: read the settings again
                }

                if (_disposed || seen != _generation)
                {
                    continue;
                }

                _callback(_state);
                wait = _period > 0 ? _period : Timeout.Infinite;
            }
        }
    }
}
