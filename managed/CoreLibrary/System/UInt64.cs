namespace System
{
    public readonly struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly ulong m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.UInt64ToString(this);
        }
    }
}
