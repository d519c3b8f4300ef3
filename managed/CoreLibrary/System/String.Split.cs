namespace System
{
    // Split: pieces between separator characters, in two passes (count the pieces, then cut them).
    public sealed partial class String
    {
        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None)
        {
            return Split(new char[] { separator }, int.MaxValue, options);
        }

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None)
        {
            return Split(new char[] { separator }, count, options);
        }

        public string[] Split(params char[] separator)
        {
            return Split(separator, int.MaxValue, StringSplitOptions.None);
        }

        public string[] Split(char[] separator, int count)
        {
            return Split(separator, count, StringSplitOptions.None);
        }

        public string[] Split(char[] separator, StringSplitOptions options)
        {
            return Split(separator, int.MaxValue, options);
        }

        /// <summary>
        /// At most count pieces, the last holding the rest of the string; no separators (null or empty)
        /// means white space.
        /// </summary>
        public string[] Split(char[] separator, int count, StringSplitOptions options)
        {
            if (count < 0)
            {
                throw ThrowHelper.Negative("count", count);
            }

            if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
            {
                throw new ArgumentException(
                    "Value of flags is invalid.", "options");
            }

            int pieces = SplitInto(null, separator, count, options);
            string[] result = new string[pieces];
            SplitInto(result, separator, count, options);
            return result;
        }

        // Cuts the pieces into result (null: only counts them) and returns their number.
        private int SplitInto(string[] result, char[] separator, int count, StringSplitOptions options)
        {
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            bool whiteSpace = separator == null || separator.Length == 0;
            if (count == 0 || (removeEmpty && Length == 0))
            {
                return 0;
            }

            int pieces = 0;
            int start = 0;
            for (int i = 0; i < Length && pieces < count - 1; i++)
            {
                if (IsOneOf(this[i], separator, whiteSpace))
                {
                    pieces = AddPiece(result, pieces, start, i, removeEmpty, trim);
                    start = i + 1;
                    if (pieces == count - 1 && removeEmpty)
                    {
                        start = SkipEmptyPieces(start, separator, whiteSpace, trim);
                    }
                }
            }

            // The rest, unless removed as empty.
            return AddPiece(result, pieces, start, Length, removeEmpty, trim);
        }

        // Where the last piece starts when empty pieces are removed: after the empty ones that follow.
        private int SkipEmptyPieces(int start, char[] separator, bool whiteSpace, bool trim)
        {
            for (;;)
            {
                int end = start;
                while (end < Length && !IsOneOf(this[end], separator, whiteSpace))
                {
                    end++;
                }

                if (end == Length || (end > start && !(trim && IsWhiteSpace(start, end))))
                {
                    return start;
                }

                start = end + 1;
            }
        }

        private bool IsWhiteSpace(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(this[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private int AddPiece(string[] result, int pieces, int start, int end, bool removeEmpty, bool trim)
        {
            if (result == null && !trim)
            {
                return removeEmpty && end == start ? pieces : pieces + 1; // counting: no need to cut
            }

            string piece = Substring(start, end - start);
            if (trim)
            {
                piece = piece.Trim();
            }

            if (removeEmpty && piece.Length == 0)
            {
                return pieces;
            }

            if (result != null)
            {
                result[pieces] = piece;
            }

            return pieces + 1;
        }
    }
}
