namespace System
{
    public readonly struct SByte
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

#pragma warning disable CS0649 // the value itself: the runtime stores it, no managed code assigns it
        private readonly sbyte m_value;
#pragma warning restore CS0649

        public override string ToString()
        {
            return Number.Int32ToString(m_value);
        }
    }
}
