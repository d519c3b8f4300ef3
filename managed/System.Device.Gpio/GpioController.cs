using System.Runtime.CompilerServices;

namespace System.Device.Gpio
{
    /// <summary>
    /// The board's pins, numbered as the chip numbers them (nRF5340: P0.n is n, P1.n is 32 + n). A pin is opened
    /// once; the GpioPin it returns drives it until it is closed.
    /// </summary>
    public sealed class GpioController : IDisposable
    {
        private readonly GpioPin[] _pins;

        public GpioController()
        {
            _pins = new GpioPin[NativePinCount()];
        }

        public int PinCount => _pins.Length;

        public GpioPin OpenPin(int pinNumber)
        {
            CheckPin(pinNumber);
            if (_pins[pinNumber] != null)
            {
                throw new InvalidOperationException("The pin is already open.");
            }

            _pins[pinNumber] = new GpioPin(this, pinNumber);
            return _pins[pinNumber];
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            GpioPin pin = OpenPin(pinNumber);
            pin.SetPinMode(mode);
            return pin;
        }

        public void ClosePin(int pinNumber)
        {
            Opened(pinNumber);
            _pins[pinNumber] = null;
        }

        public bool IsPinOpen(int pinNumber)
        {
            CheckPin(pinNumber);
            return _pins[pinNumber] != null;
        }

        public PinMode GetPinMode(int pinNumber) => Opened(pinNumber).GetPinMode();

        public bool IsPinModeSupported(int pinNumber, PinMode mode)
        {
            CheckPin(pinNumber);
            return mode <= PinMode.Output;
        }

        public void SetPinMode(int pinNumber, PinMode mode) => Opened(pinNumber).SetPinMode(mode);

        public PinValue Read(int pinNumber) => Opened(pinNumber).Read();

        public void Write(int pinNumber, PinValue value) => Opened(pinNumber).Write(value);

        public void Dispose()
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                _pins[i] = null;
            }
        }

        internal void Closed(GpioPin pin)
        {
            if (_pins[pin.PinNumber] == pin)
            {
                _pins[pin.PinNumber] = null;
            }
        }

        private GpioPin Opened(int pinNumber)
        {
            CheckPin(pinNumber);
            GpioPin pin = _pins[pinNumber];
            if (pin == null)
            {
                throw new InvalidOperationException("The pin is not open.");
            }

            return pin;
        }

        private void CheckPin(int pinNumber)
        {
            if (pinNumber < 0 || pinNumber >= _pins.Length)
            {
                throw new ArgumentOutOfRangeException("pinNumber");
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativePinCount();

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeSetPinMode(int pinNumber, int mode);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void NativeWrite(int pinNumber, int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeRead(int pinNumber);
    }
}
