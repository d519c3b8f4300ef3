namespace System
{
    public readonly struct Int64
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly long m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int64ToString(this);
        }
    }
}
