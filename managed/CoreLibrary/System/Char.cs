namespace System
{
    /// <summary>
    /// A UTF-16 code unit. ToString needs a way to make a one-character string, which slice 1 of the
    /// runtime does not offer; it comes with the next set of internal calls.
    /// </summary>
    public readonly struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x0000;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, no managed code uses it yet
        private readonly char m_value;
#pragma warning restore CS0169, CS0649
    }
}
