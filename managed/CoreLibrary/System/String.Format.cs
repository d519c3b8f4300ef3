using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Composite formatting as .NET 8 and later: "{index[,alignment][:format]}" items, "{{" and "}}" for
    /// braces, .NET's FormatException messages (with the offset where parsing failed). An argument is
    /// formatted by IFormattable.ToString(format, null) when it has it, else by ToString(); null is "".
    /// </summary>
    public sealed partial class String
    {
        // .NET reads at most this much of an index or an alignment.
        private const int FormatItemLimit = 1000000;

        private const string ExpectedDigit = "Expected an ASCII digit.";
        private const string EndsPrematurely = "Format item ends prematurely.";
        private const string UnexpectedClosingBrace = "Unexpected closing brace without a corresponding opening brace.";

        // The code units [start, start + length) of s as a new string (IndexOutOfRangeException outside s).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string FormatSlice(string s, int start, int length);

        public static string Format(string format, object arg0)
        {
            return FormatItems(format, new object[] { arg0 });
        }

        public static string Format(string format, object arg0, object arg1)
        {
            return FormatItems(format, new object[] { arg0, arg1 });
        }

        public static string Format(string format, object arg0, object arg1, object arg2)
        {
            return FormatItems(format, new object[] { arg0, arg1, arg2 });
        }

        public static string Format(string format, params object[] args)
        {
            if (args == null)
            {
                throw new ArgumentNullException((object)format == null ? "format" : "args");
            }

            return FormatItems(format, args);
        }

        /// <summary>The provider is not consulted: the invariant culture.</summary>
        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            return Format(format, args);
        }

        private static string FormatItems(string format, object[] args)
        {
            if ((object)format == null)
            {
                throw new ArgumentNullException("format");
            }

            string result = Empty;
            int length = format.Length;
            int runStart = 0;
            int pos = 0;
            while (pos < length)
            {
                char ch = format[pos++];
                if (ch != '{' && ch != '}')
                {
                    continue;
                }

                result = Concat(result, FormatSlice(format, runStart, pos - 1 - runStart));
                if (pos < length && format[pos] == ch)
                {
                    // "{{" or "}}": the second brace starts the next run of text.
                    runStart = pos++;
                    continue;
                }

                if (ch == '}')
                {
                    throw ParseError(pos, pos == length ? EndsPrematurely : UnexpectedClosingBrace);
                }

                pos = AppendItem(format, pos, args, ref result);
                runStart = pos;
            }

            return Concat(result, FormatSlice(format, runStart, length - runStart));
        }

        // Parses the item after its '{' at pos, appends it, and returns the position after its '}'.
        private static int AppendItem(string format, int pos, object[] args, ref string result)
        {
            int index = ReadNumber(format, ref pos);
            pos = SkipSpaces(format, pos);
            int width = 0;
            bool left = false;
            if (pos < format.Length && format[pos] == ',')
            {
                pos = SkipSpaces(format, pos + 1);
                if (pos < format.Length && format[pos] == '-')
                {
                    left = true;
                    pos++;
                }

                width = ReadNumber(format, ref pos);
                pos = SkipSpaces(format, pos);
            }

            string itemFormat = null;
            if (pos < format.Length && format[pos] == ':')
            {
                int start = ++pos;
                while (pos < format.Length && format[pos] != '}')
                {
                    if (format[pos] == '{')
                    {
                        throw ParseError(pos, EndsPrematurely);
                    }

                    pos++;
                }

                if (pos > start && pos < format.Length)
                {
                    itemFormat = FormatSlice(format, start, pos - start);
                }
            }

            if (pos == format.Length || format[pos] != '}')
            {
                throw ParseError(pos, EndsPrematurely);
            }

            if (index >= args.Length)
            {
                throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
            }

            string text = FormatArgument(args[index], itemFormat);
            string padding = Spaces(width - text.Length);
            result = left ? Concat(result, text, padding) : Concat(result, padding, text);
            return pos + 1;
        }

        // Console.Write(object) shares it.
        internal static string FormatArgument(object arg, string format)
        {
            if (arg == null)
            {
                return Empty;
            }

            IFormattable formattable = arg as IFormattable;
            string text = formattable != null ? formattable.ToString(format, null) : arg.ToString();
            return (object)text == null ? Empty : text;
        }

        // Digits at pos (at least one), read while the value stays below FormatItemLimit.
        private static int ReadNumber(string format, ref int pos)
        {
            if (pos == format.Length)
            {
                throw ParseError(pos, EndsPrematurely);
            }

            if (!IsAsciiDigit(format[pos]))
            {
                throw ParseError(pos, ExpectedDigit);
            }

            int value = 0;
            do
            {
                value = value * 10 + (format[pos++] - '0');
            }
            while (pos < format.Length && IsAsciiDigit(format[pos]) && value < FormatItemLimit);

            return value;
        }

        private static bool IsAsciiDigit(char ch)
        {
            return ch >= '0' && ch <= '9';
        }

        private static int SkipSpaces(string format, int pos)
        {
            while (pos < format.Length && format[pos] == ' ')
            {
                pos++;
            }

            return pos;
        }

        private static string Spaces(int count)
        {
            if (count <= 0)
            {
                return Empty;
            }

            string spaces = " ";
            while (spaces.Length < count)
            {
                spaces = Concat(spaces, spaces);
            }

            return FormatSlice(spaces, 0, count);
        }

        private static FormatException ParseError(int offset, string reason)
        {
            return new FormatException(Concat("Input string was not in a correct format. Failure to parse near offset ",
                Number.Int32ToString(offset), ". ", reason));
        }
    }
}
