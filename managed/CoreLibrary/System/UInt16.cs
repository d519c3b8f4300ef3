namespace System
{
    public readonly struct UInt16
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

#pragma warning disable CS0649 // the value itself: the runtime stores it, no managed code assigns it
        private readonly ushort m_value;
#pragma warning restore CS0649

        public override string ToString()
        {
            return Number.Int32ToString(m_value);
        }
    }
}
