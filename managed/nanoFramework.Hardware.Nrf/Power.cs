using System.Runtime.CompilerServices;

namespace nanoFramework.Hardware.Nrf
{
    /// <summary>Resetting the device.</summary>
    public static class Power
    {
        /// <summary>Resets through the boot chain (b0, the second stage, the app): pending updates are applied.</summary>
        public static void RebootDevice()
        {
            RebootNative();
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void RebootNative();
    }
}
