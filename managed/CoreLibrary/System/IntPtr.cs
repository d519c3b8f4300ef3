namespace System
{
    /// <summary>A signed integer as wide as a pointer (32 bits on the device).</summary>
    public readonly struct IntPtr
    {
        public static readonly IntPtr Zero;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly nint m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int64ToString(this);
        }
    }
}
