using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// A date and time of day in ticks of 100 ns since 0001-01-01, with a Kind. The device has no time zones:
    /// local time is UTC (Now equals UtcNow with Kind Local, "o" writes "+00:00" for it). Text is the invariant
    /// culture's: ToString() "MM/dd/yyyy HH:mm:ss" and the standard formats d D f F g G m M o O r R s t T u y Y.
    /// </summary>
    public readonly struct DateTime
    {
        private const long TicksPerDay = TimeSpan.TicksPerDay;
        private const int DaysPerYear = 365;
        private const int DaysPer4Years = DaysPerYear * 4 + 1;
        private const int DaysPer100Years = DaysPer4Years * 25 - 1;
        private const int DaysPer400Years = DaysPer100Years * 4 + 1;
        private const int DaysTo10000 = DaysPer400Years * 25 - 366;
        private const long MaxTicks = DaysTo10000 * TicksPerDay - 1;
        private const string Unrepresentable = "The added or subtracted value results in an un-representable DateTime.";

        // Before the values below: static fields are initialised in this order, and UnixEpoch needs the tables.
        private static readonly int[] s_daysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
        private static readonly int[] s_daysToMonth366 = { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };
        private static readonly string[] s_dayNames = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
        private static readonly string[] s_monthNames = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

        public static readonly DateTime MinValue = new DateTime(0L);
        public static readonly DateTime MaxValue = new DateTime(MaxTicks);
        public static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly long _ticks;
        private readonly DateTimeKind _kind;

        public DateTime(long ticks)
            : this(ticks, DateTimeKind.Unspecified)
        {
        }

        public DateTime(long ticks, DateTimeKind kind)
        {
            if (ticks < 0 || ticks > MaxTicks)
            {
                throw new ArgumentOutOfRangeException("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
            }

            _ticks = ticks;
            _kind = CheckKind(kind);
        }

        public DateTime(int year, int month, int day)
            : this(DateToTicks(year, month, day))
        {
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second)
            : this(year, month, day, hour, minute, second, 0, DateTimeKind.Unspecified)
        {
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
            : this(year, month, day, hour, minute, second, 0, kind)
        {
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
            : this(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified)
        {
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)
        {
            if (millisecond < 0 || millisecond > 999)
            {
                throw new ArgumentOutOfRangeException("millisecond", "Valid values are between 0 and 999, inclusive.");
            }

            _ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + millisecond * TimeSpan.TicksPerMillisecond;
            _kind = CheckKind(kind);
        }

        /// <summary>The current UTC time from the device's clock (NotSupportedException from the runtime without one).</summary>
        public static DateTime UtcNow
        {
            get { return new DateTime(GetUtcNowTicks(), DateTimeKind.Utc); }
        }

        public static DateTime Now
        {
            get { return new DateTime(GetUtcNowTicks(), DateTimeKind.Local); }
        }

        public static DateTime Today
        {
            get { return Now.Date; }
        }

        public long Ticks
        {
            get { return _ticks; }
        }

        public DateTimeKind Kind
        {
            get { return _kind; }
        }

        public DateTime Date
        {
            get { return new DateTime(_ticks - _ticks % TicksPerDay, _kind); }
        }

        public TimeSpan TimeOfDay
        {
            get { return new TimeSpan(_ticks % TicksPerDay); }
        }

        public int Year
        {
            get { return Part(0); }
        }

        public int Month
        {
            get { return Part(1); }
        }

        public int Day
        {
            get { return Part(2); }
        }

        public int DayOfYear
        {
            get { return Part(3); }
        }

        public DayOfWeek DayOfWeek
        {
            get { return (DayOfWeek)((int)(_ticks / TicksPerDay + 1) % 7); }
        }

        public int Hour
        {
            get { return (int)(_ticks / TimeSpan.TicksPerHour % 24); }
        }

        public int Minute
        {
            get { return (int)(_ticks / TimeSpan.TicksPerMinute % 60); }
        }

        public int Second
        {
            get { return (int)(_ticks / TimeSpan.TicksPerSecond % 60); }
        }

        public int Millisecond
        {
            get { return (int)(_ticks / TimeSpan.TicksPerMillisecond % 1000); }
        }

        public static bool IsLeapYear(int year)
        {
            if (year < 1 || year > 9999)
            {
                throw new ArgumentOutOfRangeException("year", "Year must be between 1 and 9999.");
            }

            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12)
            {
                throw new ArgumentOutOfRangeException("month", month, "Month must be between one and twelve.");
            }

            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            return days[month] - days[month - 1];
        }

        public static DateTime SpecifyKind(DateTime value, DateTimeKind kind)
        {
            return new DateTime(value._ticks, kind);
        }

        public DateTime ToUniversalTime()
        {
            return new DateTime(_ticks, DateTimeKind.Utc);
        }

        public DateTime ToLocalTime()
        {
            return new DateTime(_ticks, DateTimeKind.Local);
        }

        public DateTime Add(TimeSpan value)
        {
            return AddTicks(value.Ticks);
        }

        public DateTime AddTicks(long value)
        {
            if (value > MaxTicks - _ticks || value < -_ticks)
            {
                throw new ArgumentOutOfRangeException("value", Unrepresentable);
            }

            return new DateTime(_ticks + value, _kind);
        }

        public DateTime AddDays(double value)
        {
            return AddUnits(value, DaysTo10000, TicksPerDay);
        }

        public DateTime AddHours(double value)
        {
            return AddUnits(value, DaysTo10000 * 24L, TimeSpan.TicksPerHour);
        }

        public DateTime AddMinutes(double value)
        {
            return AddUnits(value, DaysTo10000 * 24L * 60, TimeSpan.TicksPerMinute);
        }

        public DateTime AddSeconds(double value)
        {
            return AddUnits(value, DaysTo10000 * 24L * 3600, TimeSpan.TicksPerSecond);
        }

        public DateTime AddMilliseconds(double value)
        {
            return AddUnits(value, DaysTo10000 * 24L * 3600 * 1000, TimeSpan.TicksPerMillisecond);
        }

        /// <summary>Same day of a later or earlier month; the last day of that month when it is shorter.</summary>
        public DateTime AddMonths(int months)
        {
            if (months < -120000 || months > 120000)
            {
                throw new ArgumentOutOfRangeException("months", "Months value must be between +/-120000.");
            }

            int count = Year * 12 + Month - 1 + months;
            int year = count / 12;
            int month = count % 12 + 1;
            if (year < 1 || year > 9999)
            {
                throw new ArgumentOutOfRangeException("months", Unrepresentable);
            }

            int day = Day;
            int last = DaysInMonth(year, month);
            return new DateTime(DateToTicks(year, month, day > last ? last : day) + _ticks % TicksPerDay, _kind);
        }

        public DateTime AddYears(int value)
        {
            if (value < -10000 || value > 10000)
            {
                throw new ArgumentOutOfRangeException("years", "Years value must be between +/-10000.");
            }

            int year = Year + value;
            if (year < 1 || year > 9999)
            {
                throw new ArgumentOutOfRangeException("value", Unrepresentable);
            }

            return AddMonths(value * 12);
        }

        public TimeSpan Subtract(DateTime value)
        {
            return new TimeSpan(_ticks - value._ticks);
        }

        public DateTime Subtract(TimeSpan value)
        {
            return SubtractTicks(value.Ticks, "value");
        }

        /// <summary>By ticks only, as .NET (the Kind does not count).</summary>
        public static int Compare(DateTime t1, DateTime t2)
        {
            return t1._ticks > t2._ticks ? 1 : t1._ticks < t2._ticks ? -1 : 0;
        }

        public int CompareTo(DateTime value)
        {
            return Compare(this, value);
        }

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }

            if (!(value is DateTime))
            {
                throw new ArgumentException("Object must be of type DateTime.");
            }

            return Compare(this, (DateTime)value);
        }

        public bool Equals(DateTime value)
        {
            return _ticks == value._ticks;
        }

        public override bool Equals(object value)
        {
            return value is DateTime && ((DateTime)value)._ticks == _ticks;
        }

        public static bool Equals(DateTime t1, DateTime t2)
        {
            return t1._ticks == t2._ticks;
        }

        public override int GetHashCode()
        {
            return (int)_ticks ^ (int)(_ticks >> 32);
        }

        public override string ToString()
        {
            return ToString("G");
        }

        /// <summary>A standard format of the invariant culture (an unknown letter: FormatException); custom formats throw NotSupportedException.</summary>
        public string ToString(string format)
        {
            if (string.IsNullOrEmpty(format))
            {
                format = "G";
            }

            switch (format)
            {
                case "d": return ShortDate();
                case "D": return LongDate();
                case "f": return string.Concat(LongDate(), " ", ShortTime());
                case "F": return string.Concat(LongDate(), " ", LongTime());
                case "g": return string.Concat(ShortDate(), " ", ShortTime());
                case "G": return string.Concat(ShortDate(), " ", LongTime());
                case "m":
                case "M": return string.Concat(s_monthNames[Month - 1], " ", TimeSpan.Digits(Day, 2));
                case "o":
                case "O": return string.Concat(Sortable(), ".", TimeSpan.Digits(_ticks % TimeSpan.TicksPerSecond, 7)) + KindSuffix();
                case "r":
                case "R": return string.Concat(s_dayNames[(int)DayOfWeek].Substring(0, 3), ", ", TimeSpan.Digits(Day, 2), " ") +
                                 string.Concat(s_monthNames[Month - 1].Substring(0, 3), " ", TimeSpan.Digits(Year, 4), " ") + LongTime() + " GMT";
                case "s": return Sortable();
                case "t": return ShortTime();
                case "T": return LongTime();
                case "u": return string.Concat(IsoDate(), " ", LongTime(), "Z");
                case "y":
                case "Y": return string.Concat(TimeSpan.Digits(Year, 4), " ", s_monthNames[Month - 1]);
                default:
                    if (format.Length == 1)
                    {
                        throw new FormatException("Input string was not in a correct format.");
                    }

                    throw new NotSupportedException(string.Concat("Custom DateTime formats such as '", format, "' are not supported on the device."));
            }
        }

        public static DateTime operator +(DateTime d, TimeSpan t)
        {
            return d.Add(t);
        }

        public static DateTime operator -(DateTime d, TimeSpan t)
        {
            return d.SubtractTicks(t.Ticks, "t"); // .NET names the operator's parameter
        }

        public static TimeSpan operator -(DateTime d1, DateTime d2)
        {
            return d1.Subtract(d2);
        }

        public static bool operator ==(DateTime d1, DateTime d2)
        {
            return d1._ticks == d2._ticks;
        }

        public static bool operator !=(DateTime d1, DateTime d2)
        {
            return d1._ticks != d2._ticks;
        }

        public static bool operator <(DateTime t1, DateTime t2)
        {
            return t1._ticks < t2._ticks;
        }

        public static bool operator <=(DateTime t1, DateTime t2)
        {
            return t1._ticks <= t2._ticks;
        }

        public static bool operator >(DateTime t1, DateTime t2)
        {
            return t1._ticks > t2._ticks;
        }

        public static bool operator >=(DateTime t1, DateTime t2)
        {
            return t1._ticks >= t2._ticks;
        }

        /// <summary>The clock: UTC ticks since 0001-01-01 from the board.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long GetUtcNowTicks();

        private string ShortDate()
        {
            return string.Concat(TimeSpan.Digits(Month, 2), "/", TimeSpan.Digits(Day, 2), "/") + TimeSpan.Digits(Year, 4);
        }

        private string LongDate()
        {
            return string.Concat(s_dayNames[(int)DayOfWeek], ", ", TimeSpan.Digits(Day, 2), " ") +
                   string.Concat(s_monthNames[Month - 1], " ", TimeSpan.Digits(Year, 4));
        }

        private string ShortTime()
        {
            return string.Concat(TimeSpan.Digits(Hour, 2), ":", TimeSpan.Digits(Minute, 2));
        }

        private string LongTime()
        {
            return string.Concat(ShortTime(), ":", TimeSpan.Digits(Second, 2));
        }

        private string IsoDate()
        {
            return string.Concat(TimeSpan.Digits(Year, 4), "-", TimeSpan.Digits(Month, 2), "-") + TimeSpan.Digits(Day, 2);
        }

        private string Sortable()
        {
            return string.Concat(IsoDate(), "T", LongTime());
        }

        private string KindSuffix()
        {
            return _kind == DateTimeKind.Utc ? "Z" : _kind == DateTimeKind.Local ? "+00:00" : string.Empty;
        }

        // 0: year, 1: month, 2: day, 3: day of the year, from the 400/100/4/1-year cycles of the calendar.
        private int Part(int part)
        {
            int n = (int)(_ticks / TicksPerDay);
            int y400 = n / DaysPer400Years;
            n -= y400 * DaysPer400Years;
            int y100 = n / DaysPer100Years;
            if (y100 == 4)
            {
                y100 = 3; // the last day of a 400-year cycle
            }

            n -= y100 * DaysPer100Years;
            int y4 = n / DaysPer4Years;
            n -= y4 * DaysPer4Years;
            int y1 = n / DaysPerYear;
            if (y1 == 4)
            {
                y1 = 3; // the last day of a leap year
            }

            if (part == 0)
            {
                return y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
            }

            n -= y1 * DaysPerYear;
            if (part == 3)
            {
                return n + 1;
            }

            bool leap = y1 == 3 && (y4 != 24 || y100 == 3);
            int[] days = leap ? s_daysToMonth366 : s_daysToMonth365;
            int month = 1;
            while (n >= days[month])
            {
                month++;
            }

            return part == 1 ? month : n - days[month - 1] + 1;
        }

        private DateTime SubtractTicks(long ticks, string paramName)
        {
            if (ticks < _ticks - MaxTicks || ticks > _ticks)
            {
                throw new ArgumentOutOfRangeException(paramName, Unrepresentable);
            }

            return new DateTime(_ticks - ticks, _kind);
        }

        private DateTime AddUnits(double value, long maxUnits, long ticksPerUnit)
        {
            if (Math.Abs(value) > maxUnits)
            {
                throw new ArgumentOutOfRangeException("value", "Value to add was out of range.");
            }

            double whole = Math.Truncate(value);
            long ticks = (long)whole * ticksPerUnit + (long)((value - whole) * ticksPerUnit);
            return AddTicks(ticks);
        }

        private static DateTimeKind CheckKind(DateTimeKind kind)
        {
            if (kind < DateTimeKind.Unspecified || kind > DateTimeKind.Local)
            {
                throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            }

            return kind;
        }

        private static long DateToTicks(int year, int month, int day)
        {
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
            {
                throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            }

            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            int y = year - 1;
            int n = y * 365 + y / 4 - y / 100 + y / 400 + days[month - 1] + day - 1;
            return n * TicksPerDay;
        }

        private static long TimeToTicks(int hour, int minute, int second)
        {
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
            {
                throw new ArgumentOutOfRangeException(null, "Hour, Minute, and Second parameters describe an un-representable DateTime.");
            }

            return hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond;
        }
    }
}
