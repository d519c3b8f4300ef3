namespace System
{
    /// <summary>An unsigned integer as wide as a pointer (32 bits on the device).</summary>
    public readonly struct UIntPtr
    {
        public static readonly UIntPtr Zero;

#pragma warning disable CS0649 // the value itself: the runtime stores it, no managed code assigns it
        private readonly nuint m_value;
#pragma warning restore CS0649

        public override string ToString()
        {
            return Number.UInt64ToString(m_value);
        }
    }
}
