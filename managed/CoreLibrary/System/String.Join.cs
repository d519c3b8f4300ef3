namespace System
{
    // Joining many strings: the lengths are summed first, then one char array is filled and copied once.
    public sealed partial class String
    {
        public static string Concat(object arg0)
        {
            return arg0 == null ? Empty : arg0.ToString() ?? Empty;
        }

        public static string Concat(object arg0, object arg1)
        {
            return Concat(Concat(arg0), Concat(arg1));
        }

        public static string Concat(object arg0, object arg1, object arg2)
        {
            return Concat(Concat(arg0), Concat(arg1), Concat(arg2));
        }

        public static string Concat(params object[] args)
        {
            if (args == null)
            {
                throw ThrowHelper.Null("args");
            }

            string[] values = new string[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                values[i] = Concat(args[i]);
            }

            return JoinCore(Empty, values, 0, values.Length);
        }

        public static string Concat(params string[] values)
        {
            if (values == null)
            {
                throw ThrowHelper.Null("values");
            }

            return JoinCore(Empty, values, 0, values.Length);
        }

        public static string Join(string separator, params string[] value)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            return JoinCore(separator ?? Empty, value, 0, value.Length);
        }

        public static string Join(char separator, params string[] value)
        {
            return Join(new string(separator, 1), value);
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null)
            {
                throw ThrowHelper.Null("values");
            }

            string[] texts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                texts[i] = Concat(values[i]);
            }

            return JoinCore(separator ?? Empty, texts, 0, texts.Length);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null)
            {
                throw ThrowHelper.Null("value");
            }

            ThrowHelper.CheckRange(startIndex, "count", count, value.Length);
            return JoinCore(separator ?? Empty, value, startIndex, count);
        }

        // Null elements count as empty.
        private static string JoinCore(string separator, string[] value, int startIndex, int count)
        {
            if (count == 0)
            {
                return Empty;
            }

            if (count == 1)
            {
                return value[startIndex] ?? Empty;
            }

            int length = separator.Length * (count - 1);
            for (int i = startIndex; i < startIndex + count; i++)
            {
                if ((object)value[i] != null)
                {
                    length += value[i].Length;
                }
            }

            if (length == 0)
            {
                return Empty;
            }

            char[] chars = new char[length];
            int to = 0;
            for (int i = startIndex; i < startIndex + count; i++)
            {
                if (i > startIndex)
                {
                    separator.CopyChars(0, chars, to, separator.Length);
                    to += separator.Length;
                }

                string item = value[i];
                if ((object)item != null)
                {
                    item.CopyChars(0, chars, to, item.Length);
                    to += item.Length;
                }
            }

            return new string(chars);
        }
    }
}
