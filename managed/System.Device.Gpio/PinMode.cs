namespace System.Device.Gpio
{
    /// <summary>How a pin is driven or read; nanoFramework's values.</summary>
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }
}
