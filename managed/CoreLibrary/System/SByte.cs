namespace System
{
    public readonly struct SByte
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly sbyte m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }
    }
}
