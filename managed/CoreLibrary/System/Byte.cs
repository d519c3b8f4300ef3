namespace System
{
    public readonly struct Byte
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly byte m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }
    }
}
