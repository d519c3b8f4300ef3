using System;

namespace Conformance.StackTraces
{
    public class Program
    {
        private static void Thrower(int depth)
        {
            if (depth == 0)
            {
                throw new InvalidOperationException("deep");
            }

            Thrower(depth - 1);
        }

        private static void Divide(int zero)
        {
            Console.WriteLine(10 / zero);
        }

        private static void Rethrows()
        {
            try
            {
                Thrower(1);
            }
            catch (InvalidOperationException)
            {
                throw;
            }
        }

        private static void ThrowsAgain(Exception e)
        {
            throw e;
        }

        private static int Lines(string trace)
        {
            return trace.Split('\n').Length;
        }

        // What both runtimes print alike: whether there is a trace, how many lines, which methods it names.
        private static void Show(string what, Exception e)
        {
            string trace = e.StackTrace;
            if (trace == null)
            {
                Console.WriteLine(what + ": no trace");
                return;
            }

            Console.WriteLine(what + ": " + Lines(trace) + " lines, starts with '   at ' " + trace.StartsWith("   at ") +
                              ", Thrower " + trace.Contains("Program.Thrower(") + ", Divide " + trace.Contains("Program.Divide(") +
                              ", Rethrows " + trace.Contains("Program.Rethrows(") + ", Main " + trace.Contains("Program.Main("));
        }

        public static void Main()
        {
            Exception unthrown = new Exception("not thrown");
            Show("before the throw", unthrown);

            try
            {
                Thrower(3);
            }
            catch (Exception e)
            {
                Show("thrown 4 deep", e);
            }

            try
            {
                Divide(0);
            }
            catch (DivideByZeroException e)
            {
                Show("runtime exception", e);
            }

            try
            {
                Rethrows();
            }
            catch (Exception e)
            {
                Show("rethrown", e);
                try
                {
                    ThrowsAgain(e);
                }
                catch (Exception again)
                {
                    Show("thrown again", again);
                }
            }

            try
            {
                throw unthrown;
            }
            catch (Exception e)
            {
                Show("thrown in Main", e);
            }
        }
    }
}
