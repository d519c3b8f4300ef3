using System;

namespace RuntimeBehaviour.FailedEntryType
{
    /// <summary>
    /// The entry type's static constructor fails before Main: the TypeInitializationException is unhandled (a
    /// try at Main's first instruction does not hold it, as on .NET) and the program ends with exit code 2.
    /// </summary>
    public class Program
    {
        private static readonly int Divisor;

        static Program()
        {
            Divisor = 0;
            Divisor = 1 / Divisor;
        }

        public static void Main()
        {
            try
            {
                Console.WriteLine("Main ran " + Divisor);
            }
            catch (Exception e)
            {
                Console.WriteLine("caught in Main: " + e.Message);
            }
        }
    }
}
