using System;
using System.Device.Gpio;
using System.Threading;

namespace Blinky
{
    /// <summary>Blinks the nRF5340 DK's LED1 and reports Button 1. Both are active low.</summary>
    public static class Program
    {
        const int Led1 = 28;    // P0.28
        const int Button1 = 23; // P0.23
        const int Blinks = 3;

        public static void Main()
        {
            var gpio = new GpioController();
            GpioPin led = gpio.OpenPin(Led1, PinMode.Output);
            led.Write(PinValue.High); // off
            GpioPin button = gpio.OpenPin(Button1, PinMode.InputPullUp);
            Console.WriteLine(button.Read() == PinValue.Low ? "Button 1 is pressed" : "Button 1 is released");

            for (int i = 0; i < 2 * Blinks; i++)
            {
                led.Toggle();
                Thread.Sleep(500);
            }

            Console.Write("LED1 blinked ");
            Console.Write(Blinks);
            Console.WriteLine(" times");
        }
    }
}
