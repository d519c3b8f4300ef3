namespace System
{
    /// <summary>
    /// The argument exceptions this library throws, with .NET's message texts; one place for each text.
    /// </summary>
    internal static class ThrowHelper
    {
        internal const string IndexMustBeLess = "Index was out of range. Must be non-negative and less than the size of the collection.";
        internal const string IndexMustBeLessOrEqual = "Index was out of range. Must be non-negative and less than or equal to the size of the collection.";
        internal const string CountInString = "Count must be positive and count must refer to a location within the string/array/collection.";

        internal static ArgumentNullException Null(string paramName)
        {
            return new ArgumentNullException(paramName);
        }

        internal static ArgumentOutOfRangeException OutOfRange(string paramName, string message)
        {
            return new ArgumentOutOfRangeException(paramName, message);
        }

        /// <summary>
        /// A range of `count` items from startIndex inside `length` ones, with .NET's messages: either number
        /// negative, or startIndex past length - count.
        /// </summary>
        internal static void CheckRange(int startIndex, string countName, int count, int length)
        {
            if (startIndex < 0)
            {
                throw Negative("startIndex", startIndex);
            }

            if (count < 0)
            {
                throw Negative(countName, count);
            }

            if (startIndex > length - count)
            {
                throw Greater("startIndex", startIndex, length - count);
            }
        }

        /// <summary>"x ('-1') must be a non-negative value."</summary>
        internal static ArgumentOutOfRangeException Negative(string paramName, int value)
        {
            return new ArgumentOutOfRangeException(paramName, value,
                string.Concat(Named(paramName, value), " must be a non-negative value."));
        }

        /// <summary>"x ('6') must be less than or equal to '5'."</summary>
        internal static ArgumentOutOfRangeException Greater(string paramName, int value, int limit)
        {
            return new ArgumentOutOfRangeException(paramName, value,
                string.Concat(Named(paramName, value), " must be less than or equal to '", limit.ToString(), "'."));
        }

        /// <summary>As Greater, with the value compared (and printed) as unsigned: -1 shows as '4294967295'.</summary>
        internal static ArgumentOutOfRangeException GreaterUnsigned(string paramName, int value, int limit)
        {
            uint unsigned = (uint)value;
            return new ArgumentOutOfRangeException(paramName, unsigned,
                string.Concat(paramName, " ('", unsigned.ToString(), "') must be less than or equal to '", limit.ToString(), "'."));
        }

        private static string Named(string paramName, int value)
        {
            return string.Concat(paramName, " ('", value.ToString(), "')");
        }
    }
}
