namespace System
{
    public readonly struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;

#pragma warning disable CS0649 // the value itself: the runtime stores it, no managed code assigns it
        private readonly ulong m_value;
#pragma warning restore CS0649

        public override string ToString()
        {
            return Number.UInt64ToString(m_value);
        }
    }
}
