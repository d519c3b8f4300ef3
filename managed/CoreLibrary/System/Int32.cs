namespace System
{
    public readonly struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly int m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }
    }
}
