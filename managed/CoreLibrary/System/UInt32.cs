namespace System
{
    public readonly struct UInt32
    {
        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly uint m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.UInt32ToString(this);
        }
    }
}
