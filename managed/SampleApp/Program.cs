using System;
using nanoFramework.Hardware.Nrf;

namespace SampleApp
{
    /// <summary>
    /// The first program a user sees run: the runtime's arithmetic, strings and static state at work; then, on a
    /// board with an SMP transport, firmware update over SMP with the health policy of UpdateService.
    /// </summary>
    public static class Program
    {
        static int s_boots = 1;

        public static void Main()
        {
            Console.WriteLine("Hello from C# on the nRF5340 SDK runtime");
            Console.Write("boot ");
            Console.WriteLine(s_boots);
            Console.Write("12! = ");
            Console.WriteLine(Factorial(12));
            Console.Write("fib(60) = ");
            Console.WriteLine(Fibonacci(60));
            Console.Write("area of a circle of radius 2.5 = ");
            Console.WriteLine(3.141592653589793 * 2.5 * 2.5);

            BootInfo boot = Firmware.LastBoot;
            if (boot != null)
            {
                Console.WriteLine("last boot: " + boot.OutcomeText);
                if (boot.Refusal != null)
                {
                    Console.WriteLine("last refusal: " + boot.Refusal);
                }
            }

            if (UpdateService.Start())
            {
                UpdateService.ConfirmWhenHealthy(); // the server threads go on serving until a reset
            }
        }

        static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

        static long Fibonacci(int n)
        {
            long a = 0, b = 1;
            for (int i = 0; i < n; i++)
            {
                long next = a + b;
                a = b;
                b = next;
            }
            return a;
        }
    }
}
