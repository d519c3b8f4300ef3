using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Text output. On the device it goes to the runtime's log (the UART; stdout in the simulator).
    /// Each overload writes what the same call writes on .NET with the invariant culture.
    /// </summary>
    public static class Console
    {
        // .NET writes "\n" on Linux; the conformance runner compares against that.
        private const string NewLine = "\n";

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void WriteNative(string value);

        // Debug.WriteLine shares the output path.
        internal static void WriteLineNative(string value)
        {
            // One native write per line, so that lines from different threads never interleave.
            WriteNative(string.Concat(value, NewLine));
        }

        public static void Write(string value)
        {
            if ((object)value != null)
            {
                WriteNative(value);
            }
        }

        public static void Write(bool value)
        {
            WriteNative(value ? Boolean.TrueLiteral : Boolean.FalseLiteral);
        }

        public static void Write(int value)
        {
            WriteNative(Number.Int32ToString(value));
        }

        public static void Write(uint value)
        {
            WriteNative(Number.UInt32ToString(value));
        }

        public static void Write(long value)
        {
            WriteNative(Number.Int64ToString(value));
        }

        public static void Write(ulong value)
        {
            WriteNative(Number.UInt64ToString(value));
        }

        public static void Write(float value)
        {
            WriteNative(Number.SingleToString(value));
        }

        public static void Write(double value)
        {
            WriteNative(Number.DoubleToString(value));
        }

        public static void WriteLine()
        {
            WriteNative(NewLine);
        }

        public static void WriteLine(string value)
        {
            WriteLineNative(value);
        }

        public static void WriteLine(bool value)
        {
            WriteLineNative(value ? Boolean.TrueLiteral : Boolean.FalseLiteral);
        }

        public static void WriteLine(int value)
        {
            WriteLineNative(Number.Int32ToString(value));
        }

        public static void WriteLine(uint value)
        {
            WriteLineNative(Number.UInt32ToString(value));
        }

        public static void WriteLine(long value)
        {
            WriteLineNative(Number.Int64ToString(value));
        }

        public static void WriteLine(ulong value)
        {
            WriteLineNative(Number.UInt64ToString(value));
        }

        public static void WriteLine(float value)
        {
            WriteLineNative(Number.SingleToString(value));
        }

        public static void WriteLine(double value)
        {
            WriteLineNative(Number.DoubleToString(value));
        }

        /// <summary>Null writes nothing; an IFormattable value is written as ToString(null, null), as on .NET.</summary>
        public static void Write(object value)
        {
            Write(string.FormatArgument(value, null));
        }

        public static void WriteLine(object value)
        {
            WriteLineNative(string.FormatArgument(value, null));
        }

        public static void Write(string format, object arg0)
        {
            Write(string.Format(format, arg0));
        }

        public static void Write(string format, object arg0, object arg1)
        {
            Write(string.Format(format, arg0, arg1));
        }

        public static void Write(string format, object arg0, object arg1, object arg2)
        {
            Write(string.Format(format, arg0, arg1, arg2));
        }

        public static void Write(string format, params object[] arg)
        {
            // .NET formats a null array as two null arguments.
            Write(arg == null ? string.Format(format, null, null) : string.Format(format, arg));
        }

        public static void WriteLine(string format, object arg0)
        {
            WriteLineNative(string.Format(format, arg0));
        }

        public static void WriteLine(string format, object arg0, object arg1)
        {
            WriteLineNative(string.Format(format, arg0, arg1));
        }

        public static void WriteLine(string format, object arg0, object arg1, object arg2)
        {
            WriteLineNative(string.Format(format, arg0, arg1, arg2));
        }

        public static void WriteLine(string format, params object[] arg)
        {
            WriteLineNative(arg == null ? string.Format(format, null, null) : string.Format(format, arg));
        }

        // Without these C# would bind a char argument to the int overload and print its code.
        public static void Write(char value)
        {
            WriteNative(new string(value, 1));
        }

        public static void WriteLine(char value)
        {
            WriteLineNative(new string(value, 1));
        }
    }
}
