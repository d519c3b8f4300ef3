using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.Hardware.Nrf
{
    /// <summary>The device clock DateTime.UtcNow reads.</summary>
    public static class Rtc
    {
        /// <summary>Sets the clock (UTC; the device has no time zones).</summary>
        public static void SetSystemTime(DateTime time)
        {
            SetTimeNative(time.Ticks);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void SetTimeNative(long ticks);
    }
}
