namespace System
{
    /// <summary>A duration in ticks of 100 ns, with .NET's arithmetic, overflow checks and "[-][d.]hh:mm:ss[.fffffff]" text.</summary>
    public readonly struct TimeSpan
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = TicksPerMillisecond * 1000;
        public const long TicksPerMinute = TicksPerSecond * 60;
        public const long TicksPerHour = TicksPerMinute * 60;
        public const long TicksPerDay = TicksPerHour * 24;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        internal const string Overflowed = "TimeSpan overflowed because the duration is too long.";

        private readonly long _ticks;

        public TimeSpan(long ticks)
        {
            _ticks = ticks;
        }

        public TimeSpan(int hours, int minutes, int seconds)
        {
            _ticks = FromParts(0, hours, minutes, seconds, 0);
        }

        public TimeSpan(int days, int hours, int minutes, int seconds)
        {
            _ticks = FromParts(days, hours, minutes, seconds, 0);
        }

        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            _ticks = FromParts(days, hours, minutes, seconds, milliseconds);
        }

        public long Ticks
        {
            get { return _ticks; }
        }

        public int Days
        {
            get { return (int)(_ticks / TicksPerDay); }
        }

        public int Hours
        {
            get { return (int)(_ticks / TicksPerHour % 24); }
        }

        public int Minutes
        {
            get { return (int)(_ticks / TicksPerMinute % 60); }
        }

        public int Seconds
        {
            get { return (int)(_ticks / TicksPerSecond % 60); }
        }

        public int Milliseconds
        {
            get { return (int)(_ticks / TicksPerMillisecond % 1000); }
        }

        public double TotalDays
        {
            get { return (double)_ticks / TicksPerDay; }
        }

        public double TotalHours
        {
            get { return (double)_ticks / TicksPerHour; }
        }

        public double TotalMinutes
        {
            get { return (double)_ticks / TicksPerMinute; }
        }

        public double TotalSeconds
        {
            get { return (double)_ticks / TicksPerSecond; }
        }

        /// <summary>Clamped to the whole milliseconds of MaxValue and MinValue, as .NET.</summary>
        public double TotalMilliseconds
        {
            get
            {
                double milliseconds = (double)_ticks / TicksPerMillisecond;
                if (milliseconds > long.MaxValue / TicksPerMillisecond)
                {
                    return long.MaxValue / TicksPerMillisecond;
                }

                return milliseconds < long.MinValue / TicksPerMillisecond ? long.MinValue / TicksPerMillisecond : milliseconds;
            }
        }

        public static TimeSpan FromTicks(long value)
        {
            return new TimeSpan(value);
        }

        public static TimeSpan FromDays(double value)
        {
            return Interval(value, TicksPerDay);
        }

        public static TimeSpan FromHours(double value)
        {
            return Interval(value, TicksPerHour);
        }

        public static TimeSpan FromMinutes(double value)
        {
            return Interval(value, TicksPerMinute);
        }

        public static TimeSpan FromSeconds(double value)
        {
            return Interval(value, TicksPerSecond);
        }

        public static TimeSpan FromMilliseconds(double value)
        {
            return Interval(value, TicksPerMillisecond);
        }

        public TimeSpan Add(TimeSpan ts)
        {
            long result = _ticks + ts._ticks;
            // Overflow: both operands have the same sign and the result the other one.
            if ((_ticks >> 63 == ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
            {
                throw new OverflowException(Overflowed);
            }

            return new TimeSpan(result);
        }

        public TimeSpan Subtract(TimeSpan ts)
        {
            long result = _ticks - ts._ticks;
            if ((_ticks >> 63 != ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
            {
                throw new OverflowException(Overflowed);
            }

            return new TimeSpan(result);
        }

        public TimeSpan Negate()
        {
            if (_ticks == long.MinValue)
            {
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            }

            return new TimeSpan(-_ticks);
        }

        public TimeSpan Duration()
        {
            if (_ticks == long.MinValue)
            {
                throw new OverflowException("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.");
            }

            return new TimeSpan(_ticks < 0 ? -_ticks : _ticks);
        }

        public static int Compare(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks > t2._ticks ? 1 : t1._ticks < t2._ticks ? -1 : 0;
        }

        public int CompareTo(TimeSpan value)
        {
            return Compare(this, value);
        }

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }

            if (!(value is TimeSpan))
            {
                throw new ArgumentException("Object must be of type TimeSpan.");
            }

            return Compare(this, (TimeSpan)value);
        }

        public bool Equals(TimeSpan obj)
        {
            return _ticks == obj._ticks;
        }

        public override bool Equals(object value)
        {
            return value is TimeSpan && ((TimeSpan)value)._ticks == _ticks;
        }

        public static bool Equals(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks == t2._ticks;
        }

        public override int GetHashCode()
        {
            return (int)_ticks ^ (int)(_ticks >> 32);
        }

        /// <summary>"[-][d.]hh:mm:ss[.fffffff]": days only when there are some, the fraction only when not zero.</summary>
        public override string ToString()
        {
            long days = _ticks / TicksPerDay;
            long time = _ticks % TicksPerDay;
            string text = _ticks < 0 ? "-" : string.Empty;
            if (_ticks < 0)
            {
                days = -days;
                time = -time;
            }

            if (days != 0)
            {
                text = string.Concat(text, days.ToString(), ".");
            }

            text = string.Concat(text, Digits(time / TicksPerHour, 2), ":", Digits(time / TicksPerMinute % 60, 2)) +
                   ":" + Digits(time / TicksPerSecond % 60, 2);
            long fraction = time % TicksPerSecond;
            return fraction == 0 ? text : string.Concat(text, ".", Digits(fraction, 7));
        }

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2)
        {
            return t1.Add(t2);
        }

        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2)
        {
            return t1.Subtract(t2);
        }

        public static TimeSpan operator -(TimeSpan t)
        {
            return t.Negate();
        }

        public static TimeSpan operator +(TimeSpan t)
        {
            return t;
        }

        public static bool operator ==(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks == t2._ticks;
        }

        public static bool operator !=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks != t2._ticks;
        }

        public static bool operator <(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks < t2._ticks;
        }

        public static bool operator <=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks <= t2._ticks;
        }

        public static bool operator >(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks > t2._ticks;
        }

        public static bool operator >=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks >= t2._ticks;
        }

        /// <summary>value (non-negative) with at least `width` digits, zeros in front.</summary>
        internal static string Digits(long value, int width)
        {
            return value.ToString().PadLeft(width, '0');
        }

        // value units of `scale` ticks each, truncated toward zero as .NET 7 and later do.
        private static TimeSpan Interval(double value, long scale)
        {
            if (double.IsNaN(value))
            {
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            }

            double ticks = value * scale;
            if (ticks > long.MaxValue || ticks < long.MinValue)
            {
                throw new OverflowException(Overflowed);
            }

            return new TimeSpan((long)ticks);
        }

        private static long FromParts(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            // In milliseconds, as .NET: long arithmetic cannot overflow for int parts.
            long total = ((long)days * 3600 * 24 + (long)hours * 3600 + (long)minutes * 60 + seconds) * 1000 + milliseconds;
            if (total > long.MaxValue / TicksPerMillisecond || total < long.MinValue / TicksPerMillisecond)
            {
                throw new ArgumentOutOfRangeException(null, Overflowed);
            }

            return total * TicksPerMillisecond;
        }
    }
}
