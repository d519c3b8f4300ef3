using System;
using System.Device.Gpio;

namespace RuntimeBehaviour.Gpio
{
    /// <summary>GpioController and GpioPin on the host runtime's GPIO stand-in: levels, modes, and every refusal.</summary>
    public static class Program
    {
        public static void Main()
        {
            var gpio = new GpioController();
            Console.WriteLine(gpio.PinCount);
            GpioPin p1 = gpio.OpenPin(33, PinMode.Output); // P1.1
            p1.Write(1);
            Console.WriteLine(p1.Read());
            p1.Toggle();
            Console.WriteLine(gpio.Read(33));
            Console.WriteLine(gpio.IsPinOpen(33));
            Console.WriteLine(gpio.IsPinModeSupported(33, PinMode.OutputOpenDrain));
            GpioPin input = gpio.OpenPin(5, PinMode.InputPullUp);
            Console.WriteLine(input.Read() == PinValue.High);
            input.SetPinMode(PinMode.InputPullDown);
            Console.WriteLine((int)input.Read());

            Try(() => gpio.OpenPin(48));
            Try(() => gpio.OpenPin(-1));
            Try(() => gpio.OpenPin(33));
            Try(() => input.Write(PinValue.High));
            Try(() => p1.SetPinMode(PinMode.OutputOpenDrain));
            Try(() => gpio.Read(7));
            p1.Dispose();
            Console.WriteLine(gpio.IsPinOpen(33));
            Try(() => p1.Write(PinValue.Low));
            gpio.OpenPin(33).Dispose(); // a closed pin can be opened again
            Console.WriteLine("done");
        }

        static void Try(Action action)
        {
            try
            {
                action();
                Console.WriteLine("no exception");
            }
            catch (Exception e)
            {
                Console.WriteLine(e.GetType().Name + ": " + e.Message);
            }
        }
    }
}
