namespace System.Diagnostics
{
    /// <summary>Calls to the marked method compile only when the named symbol is defined at the call site.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute
    {
        private readonly string _conditionString;

        public ConditionalAttribute(string conditionString)
        {
            _conditionString = conditionString;
        }

        public string ConditionString
        {
            get { return _conditionString; }
        }
    }
}
