namespace System.Device.Gpio
{
    /// <summary>A pin's level: High or Low, with nanoFramework's conversions from and to int and bool.</summary>
    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        public static PinValue High => new PinValue(1);

        public static PinValue Low => new PinValue(0);

        public static implicit operator PinValue(int value) => value == 0 ? Low : High;

        public static implicit operator PinValue(bool value) => value ? High : Low;

        public static explicit operator byte(PinValue value) => value._value;

        public static explicit operator int(PinValue value) => value._value;

        public static explicit operator bool(PinValue value) => value._value != 0;

        public static bool operator ==(PinValue a, PinValue b) => a._value == b._value;

        public static bool operator !=(PinValue a, PinValue b) => a._value != b._value;

        public override bool Equals(object obj) => obj is PinValue other && other._value == _value;

        public override int GetHashCode() => _value;

        public override string ToString() => _value == 0 ? "Low" : "High";
    }
}
