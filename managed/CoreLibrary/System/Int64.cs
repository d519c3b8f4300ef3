namespace System
{
    public readonly struct Int64
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;

#pragma warning disable CS0649 // the value itself: the runtime stores it, no managed code assigns it
        private readonly long m_value;
#pragma warning restore CS0649

        public override string ToString()
        {
            return Number.Int64ToString(m_value);
        }
    }
}
