using System.Runtime.CompilerServices;

namespace System
{
    public static class Environment
    {
        /// <summary>Milliseconds since the runtime started (wraps after 24.9 days).</summary>
        public static int TickCount
        {
            get { return (int)TickCount64; }
        }

        public static extern long TickCount64
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        public static string NewLine
        {
            get { return "\n"; }
        }
    }
}
