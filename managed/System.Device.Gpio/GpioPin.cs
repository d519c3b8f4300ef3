namespace System.Device.Gpio
{
    /// <summary>One open pin of a GpioController: its mode, its level, Toggle.</summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly GpioController _controller;
        private PinMode _mode = PinMode.Input;
        private bool _disposed;

        internal GpioPin(GpioController controller, int pinNumber)
        {
            _controller = controller;
            PinNumber = pinNumber;
        }

        public int PinNumber { get; }

        public PinMode GetPinMode() => _mode;

        public bool IsPinModeSupported(PinMode pinMode) => pinMode <= PinMode.Output;

        public void SetPinMode(PinMode value)
        {
            CheckOpen();
            if (!IsPinModeSupported(value) || GpioController.NativeSetPinMode(PinNumber, (int)value) != 0)
            {
                throw new InvalidOperationException("This pin does not support that mode.");
            }

            _mode = value;
        }

        public PinValue Read()
        {
            CheckOpen();
            return GpioController.NativeRead(PinNumber);
        }

        public void Write(PinValue value)
        {
            CheckOpen();
            if (_mode != PinMode.Output)
            {
                throw new InvalidOperationException("Set the pin to PinMode.Output before writing it.");
            }

            GpioController.NativeWrite(PinNumber, (int)value);
        }

        public void Toggle() => Write(Read() == PinValue.High ? PinValue.Low : PinValue.High);

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _controller.Closed(this);
            }
        }

        private void CheckOpen()
        {
            if (_disposed)
            {
                throw new InvalidOperationException("The pin is closed.");
            }
        }
    }
}
