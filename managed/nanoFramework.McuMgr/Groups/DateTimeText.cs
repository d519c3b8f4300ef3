using System;

namespace nanoFramework.McuMgr.Groups
{
    /// <summary>
    /// The date-time text clients write: "yyyy-MM-ddTHH:mm:ss", optionally ".f" up to 7 fraction digits and a
    /// "Z", "+HH:MM" or "+HHMM" offset (mcumgr-java writes "2025-11-24T10:00:00.000000+0000").
    /// </summary>
    public static class DateTimeText
    {
        /// <summary>UTC ticks, or -1 when the text is not of that form or names no real date.</summary>
        public static long Parse(string s)
        {
            if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
                return -1;
            int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
            int hour = Digits(s, 11, 2), minute = Digits(s, 14, 2), second = Digits(s, 17, 2);
            if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
                || hour < 0 || minute < 0 || second < 0 || day > DateTime.DaysInMonth(year, month))
                return -1;
            long ticks = new DateTime(year, month, day, hour, minute, second).Ticks;

            int at = 19;
            if (at < s.Length && s[at] == '.')
            {
                long scale = TimeSpan.TicksPerSecond;
                at++;
                int first = at;
                while (at < s.Length && s[at] >= '0' && s[at] <= '9')
                {
                    if (at - first >= 7)
                        return -1;
                    scale /= 10;
                    ticks += (s[at] - '0') * scale;
                    at++;
                }
                if (at == first)
                    return -1;
            }
            if (at == s.Length || (s[at] == 'Z' && at + 1 == s.Length))
                return ticks;
            if (s[at] != '+' && s[at] != '-')
                return -1;
            int sign = s[at] == '+' ? 1 : -1;
            int rest = s.Length - at - 1;
            int colon = rest == 5 && s[at + 3] == ':' ? 1 : 0;
            if (rest != 4 + colon)
                return -1;
            int offsetHours = Digits(s, at + 1, 2), offsetMinutes = Digits(s, at + 3 + colon, 2);
            if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
                return -1;
            ticks -= sign * (offsetHours * TimeSpan.TicksPerHour + offsetMinutes * TimeSpan.TicksPerMinute);
            return ticks < 0 ? -1 : ticks;
        }

        /// <summary>The decimal number of count digits at start; -1 when one is not a digit.</summary>
        static int Digits(string s, int start, int count)
        {
            int value = 0;
            for (int i = start; i < start + count; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                    return -1;
                value = value * 10 + (s[i] - '0');
            }
            return value;
        }
    }
}
