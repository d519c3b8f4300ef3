namespace System
{
    public readonly struct UInt16
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly ushort m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }
    }
}
