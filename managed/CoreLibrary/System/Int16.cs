namespace System
{
    public readonly struct Int16
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly short m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return Number.Int32ToString(this);
        }
    }
}
