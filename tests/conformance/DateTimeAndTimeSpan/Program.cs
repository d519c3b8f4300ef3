using System;
using System.Diagnostics;

// TimeSpan (constructors, From*, parts and totals, arithmetic, comparisons, text) and DateTime (calendar
// parts across leap years and centuries, arithmetic including month ends, kinds, the invariant standard
// formats, the clock); bad arguments print .NET's exception type and message. Only facts about the clock
// are printed (its year, kind, and that it does not run backwards), never its value; likewise Stopwatch.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("DateTimeAndTimeSpan");
        Spans();
        Dates();
        Formats();
        Clock();
        for (int op = 0; op < 40; op++)
        {
            Check(op);
        }
    }

    private static string Parts(TimeSpan t)
    {
        return t.ToString() + " d" + t.Days.ToString() + " h" + t.Hours.ToString() + " m" + t.Minutes.ToString() + " s" + t.Seconds.ToString() +
               " ms" + t.Milliseconds.ToString() + " ticks " + t.Ticks.ToString() + " totals " + t.TotalDays.ToString() + " " + t.TotalHours.ToString() + " " +
               t.TotalMinutes.ToString() + " " + t.TotalSeconds.ToString() + " " + t.TotalMilliseconds.ToString();
    }

    private static void Spans()
    {
        Console.WriteLine("-- TimeSpan");
        Console.WriteLine(Parts(new TimeSpan(1, 2, 3)));
        Console.WriteLine(Parts(new TimeSpan(1, 2, 3, 4)));
        Console.WriteLine(Parts(new TimeSpan(1, 2, 3, 4, 5)));
        Console.WriteLine(Parts(new TimeSpan(-1, -2, -3, -4, -5)));
        Console.WriteLine(Parts(new TimeSpan(0, 25, 61, 61)));
        Console.WriteLine(Parts(TimeSpan.FromTicks(1234567)));
        Console.WriteLine(Parts(TimeSpan.FromTicks(-1)));
        Console.WriteLine(Parts(TimeSpan.Zero));
        Console.WriteLine(Parts(TimeSpan.MaxValue));
        Console.WriteLine(Parts(TimeSpan.MinValue));
        Console.WriteLine(Parts(TimeSpan.FromDays(1.5)));
        Console.WriteLine(Parts(TimeSpan.FromHours(-2.25)));
        Console.WriteLine(Parts(TimeSpan.FromMinutes(0.1234567891)));
        Console.WriteLine(Parts(TimeSpan.FromSeconds(1.00000005)));
        Console.WriteLine(Parts(TimeSpan.FromSeconds(-0.00000005)));
        Console.WriteLine(Parts(TimeSpan.FromMilliseconds(1.5)));
        TimeSpan a = new TimeSpan(1, 30, 0);
        TimeSpan b = TimeSpan.FromMinutes(45.0);
        Console.WriteLine((a + b).ToString() + " " + (a - b).ToString() + " " + (b - a).ToString() + " " + (-a).ToString() + " " + (+a).ToString() + " " +
                          (b - a).Duration().ToString() + " " + a.Negate().ToString());
        Console.WriteLine((a == b).ToString() + (a != b).ToString() + (a < b).ToString() + (a <= b).ToString() + (a > b).ToString() + (a >= b).ToString() + " " +
                          TimeSpan.Compare(a, b).ToString() + a.CompareTo(b).ToString() + b.CompareTo(a).ToString() + a.CompareTo(a).ToString() + a.CompareTo((object)null).ToString() +
                          " " + a.Equals(new TimeSpan(0, 90, 0)).ToString() + a.Equals((object)b).ToString() + TimeSpan.Equals(a, a).ToString() +
                          (a.GetHashCode() == new TimeSpan(a.Ticks).GetHashCode()).ToString());
    }

    private static string Describe(DateTime d)
    {
        return d.ToString() + " y" + d.Year.ToString() + " m" + d.Month.ToString() + " d" + d.Day.ToString() + " h" + d.Hour.ToString() + " min" +
               d.Minute.ToString() + " s" + d.Second.ToString() + " ms" + d.Millisecond.ToString() + " dow" + ((int)d.DayOfWeek).ToString() + " doy" +
               d.DayOfYear.ToString() + " kind" + ((int)d.Kind).ToString() + " ticks " + d.Ticks.ToString();
    }

    private static void Dates()
    {
        Console.WriteLine("-- DateTime");
        Console.WriteLine(Describe(DateTime.MinValue));
        Console.WriteLine(Describe(DateTime.MaxValue));
        Console.WriteLine(Describe(DateTime.UnixEpoch));
        Console.WriteLine(Describe(new DateTime(2024, 2, 29, 23, 59, 59, 999)));
        Console.WriteLine(Describe(new DateTime(2023, 12, 31)));
        Console.WriteLine(Describe(new DateTime(2000, 12, 31, 12, 0, 0, DateTimeKind.Utc)));
        Console.WriteLine(Describe(new DateTime(1900, 3, 1, 1, 2, 3, DateTimeKind.Local)));
        Console.WriteLine(Describe(new DateTime(1600, 12, 31)));
        Console.WriteLine(Describe(new DateTime(638396640000015000)));
        Console.WriteLine(Describe(new DateTime(5, DateTimeKind.Utc)));
        int[] years = { 1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999 };
        string leap = "";
        for (int i = 0; i < years.Length; i++)
        {
            leap = leap + DateTime.IsLeapYear(years[i]).ToString()[0].ToString() + DateTime.DaysInMonth(years[i], 2).ToString() + " ";
        }

        Console.WriteLine(leap);
        DateTime start = new DateTime(2024, 1, 31, 10, 30, 0);
        Console.WriteLine(start.AddMonths(1).ToString() + " | " + start.AddMonths(13).ToString() + " | " + start.AddMonths(-2).ToString() + " | " +
                          new DateTime(2024, 2, 29).AddYears(1).ToString() + " | " + start.AddYears(-24).ToString());
        Console.WriteLine(start.AddDays(0.5).ToString() + " | " + start.AddDays(-31).ToString() + " | " + start.AddHours(13.75).ToString() + " | " +
                          start.AddMinutes(-90).ToString() + " | " + start.AddSeconds(86399).ToString() + " | " + start.AddMilliseconds(1.5).Ticks.ToString() + " | " +
                          start.AddTicks(-1).ToString() + " | " + start.AddSeconds(double.NaN).ToString());
        DateTime other = new DateTime(2023, 1, 1);
        Console.WriteLine((start - other).ToString() + " " + (other - start).ToString() + " " + (start + TimeSpan.FromHours(1.0)).ToString() + " " +
                          (start - TimeSpan.FromDays(365.0)).ToString() + " " + start.Subtract(other).TotalDays.ToString() + " " + start.Add(new TimeSpan(1, 0, 0, 0)).ToString());
        Console.WriteLine(start.Date.ToString() + " " + start.TimeOfDay.ToString() + " " + (start > other).ToString() + (start < other).ToString() +
                          (start == new DateTime(start.Ticks, DateTimeKind.Utc)).ToString() + (start != other).ToString() + (start >= start.AddTicks(0)).ToString() + (other <= start).ToString() +
                          " " + DateTime.Compare(start, other).ToString() + start.CompareTo(other).ToString() + other.CompareTo(start).ToString() + start.CompareTo((object)null).ToString() +
                          start.Equals(other).ToString() + start.Equals((object)start).ToString() + DateTime.Equals(start, start).ToString());
        DateTime utc = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        Console.WriteLine(((int)utc.Kind).ToString() + ((int)start.Kind).ToString() + " " + (utc.GetHashCode() == start.GetHashCode()).ToString());
    }

    private static void Formats()
    {
        Console.WriteLine("-- formats");
        DateTime[] dates =
        {
            new DateTime(2024, 3, 5, 7, 8, 9, 10),
            new DateTime(2024, 3, 5, 17, 8, 9, 10, DateTimeKind.Utc),
            new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Local),
            new DateTime(3155378975999999999, DateTimeKind.Utc),
        };
        string[] formats = { "d", "D", "f", "F", "g", "G", "m", "M", "o", "O", "r", "R", "s", "t", "T", "u", "y", "Y", "", null };
        for (int i = 0; i < dates.Length; i++)
        {
            for (int f = 0; f < formats.Length; f++)
            {
                Console.WriteLine((formats[f] ?? "null") + ": " + dates[i].ToString(formats[f]));
            }
        }
    }

    private static void Clock()
    {
        Console.WriteLine("-- clock");
        DateTime first = DateTime.UtcNow;
        DateTime second = DateTime.UtcNow;
        DateTime now = DateTime.Now;
        Console.WriteLine((first.Year >= 2024).ToString() + " " + ((int)first.Kind).ToString() + " " + ((int)now.Kind).ToString() + " " +
                          (second >= first).ToString() + " " + ((second - first).TotalMinutes < 1.0).ToString() + " " + (DateTime.Today.TimeOfDay.Ticks == 0).ToString());
        Stopwatch watch = Stopwatch.StartNew();
        bool running = watch.IsRunning;
        watch.Stop();
        long stopped = watch.ElapsedTicks;
        Console.WriteLine(running.ToString() + " " + watch.IsRunning.ToString() + " " + (stopped >= 0).ToString() + " " + (watch.ElapsedTicks == stopped).ToString() + " " +
                          (watch.ElapsedMilliseconds < 60000).ToString() + " " + (watch.Elapsed.Ticks >= 0).ToString());
        watch.Restart();
        watch.Reset();
        Console.WriteLine(watch.IsRunning.ToString() + " " + watch.ElapsedTicks.ToString() + " " + (Stopwatch.GetTimestamp() > 0).ToString());
    }

    private static void Check(int op)
    {
        try
        {
            string result = Run(op);
            if ((object)result != null)
            {
                Console.WriteLine(op.ToString() + ": [" + result + "]");
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentOutOfRangeException: " + e.Message);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentException: " + e.Message);
        }
        catch (OverflowException e)
        {
            Console.WriteLine(op.ToString() + ": OverflowException: " + e.Message);
        }
    }

    private static string Run(int op)
    {
        DateTime day = new DateTime(2024, 1, 1);
        switch (op)
        {
            case 0: return (TimeSpan.MaxValue + TimeSpan.FromTicks(1)).ToString();
            case 1: return (TimeSpan.MinValue - TimeSpan.FromTicks(1)).ToString();
            case 2: return TimeSpan.MinValue.Negate().ToString();
            case 3: return TimeSpan.MinValue.Duration().ToString();
            case 4: return TimeSpan.FromDays(1e9).ToString();
            case 5: return TimeSpan.FromSeconds(double.NaN).ToString();
            case 6: return new TimeSpan(int.MaxValue, 0, 0, 0).ToString();
            case 7: return new TimeSpan(1, 2, 3).CompareTo((object)"x").ToString();
            case 8: return new DateTime(2024, 2, 30).ToString();
            case 9: return new DateTime(0, 1, 1).ToString();
            case 10: return new DateTime(2024, 1, 1, 24, 0, 0).ToString();
            case 11: return new DateTime(-1L).ToString();
            case 12: return DateTime.MaxValue.AddTicks(1).ToString();
            case 13: return DateTime.MinValue.AddDays(-1).ToString();
            case 14: return day.AddMonths(120001).ToString();
            case 15: return new DateTime(2024, 1, 1, 0, 0, 0, 1000).ToString();
            case 16: return DateTime.DaysInMonth(2024, 13).ToString();
            case 17: return day.AddYears(-2024).ToString();
            case 18: return new DateTime(1, 1, 1).Subtract(TimeSpan.FromTicks(1)).ToString();
            case 19: return day.AddDays(1e10).ToString();
            case 20: return day.CompareTo((object)1).ToString();
            case 21: return new DateTime(2024, 1, 1, 0, 0, 0, (DateTimeKind)5).ToString();
            case 22: return new DateTime(2024, 1, 1, 0, 0, 60).ToString();
            case 23: return new DateTime(2024, 0, 1).ToString();
            case 24: return new DateTime(10000, 1, 1).ToString();
            case 25: return DateTime.MaxValue.AddMonths(1).ToString();
            case 26: return (DateTime.MinValue - TimeSpan.FromDays(1.0)).ToString();
            case 27: return new TimeSpan(0, int.MaxValue, int.MaxValue, int.MaxValue).ToString();
            case 28: return TimeSpan.FromMilliseconds(double.NegativeInfinity).ToString();
            default: return null;
        }
    }
}
