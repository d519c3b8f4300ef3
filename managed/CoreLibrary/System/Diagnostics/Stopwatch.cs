namespace System.Diagnostics
{
    /// <summary>
    /// Measures elapsed time with the runtime's only clock, DateTime.UtcNow: ticks of 100 ns, and not
    /// monotonic (a clock set backwards shortens a measurement), hence IsHighResolution false.
    /// </summary>
    public class Stopwatch
    {
        public static readonly long Frequency = TimeSpan.TicksPerSecond;
        public static readonly bool IsHighResolution = false;

        private long _elapsed;
        private long _startedAt;
        private bool _running;

        public bool IsRunning
        {
            get { return _running; }
        }

        public TimeSpan Elapsed
        {
            get { return new TimeSpan(ElapsedTicks); }
        }

        public long ElapsedMilliseconds
        {
            get { return ElapsedTicks / TimeSpan.TicksPerMillisecond; }
        }

        public long ElapsedTicks
        {
            get { return _running ? _elapsed + GetTimestamp() - _startedAt : _elapsed; }
        }

        public static long GetTimestamp()
        {
            return DateTime.UtcNow.Ticks;
        }

        public static Stopwatch StartNew()
        {
            Stopwatch stopwatch = new Stopwatch();
            stopwatch.Start();
            return stopwatch;
        }

        public void Start()
        {
            if (!_running)
            {
                _startedAt = GetTimestamp();
                _running = true;
            }
        }

        public void Stop()
        {
            if (_running)
            {
                _elapsed += GetTimestamp() - _startedAt;
                _running = false;
            }
        }

        public void Reset()
        {
            _elapsed = 0;
            _running = false;
        }

        public void Restart()
        {
            Reset();
            Start();
        }
    }
}
