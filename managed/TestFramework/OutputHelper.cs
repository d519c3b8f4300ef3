using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Text a test writes to the console, between the runner's lines.</summary>
    public static class OutputHelper
    {
        public static void Write(string text)
        {
            Console.Write(text);
        }

        public static void WriteLine(string text)
        {
            Console.WriteLine(text);
        }
    }
}
