namespace System
{
    public readonly struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;

#pragma warning disable CS0649 // the value itself: the runtime stores it, no managed code assigns it
        private readonly int m_value;
#pragma warning restore CS0649

        public override string ToString()
        {
            return Number.Int32ToString(m_value);
        }
    }
}
