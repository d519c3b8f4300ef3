namespace System.Diagnostics
{
    /// <summary>
    /// Diagnostic output through the same path as Console. As in .NET, calls are compiled only into builds
    /// that define DEBUG (Debug configuration); Release builds drop them at the call site.
    /// </summary>
    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void WriteLine(string message)
        {
            Console.WriteLineNative(message);
        }
    }
}
