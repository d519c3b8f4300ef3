namespace System
{
    public readonly struct Boolean
    {
        // Shared with Console so that printing a bool needs no instance call.
        internal const string TrueLiteral = "True";
        internal const string FalseLiteral = "False";

        public static readonly string TrueString = TrueLiteral;
        public static readonly string FalseString = FalseLiteral;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly bool m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return this ? TrueLiteral : FalseLiteral;
        }
    }
}
