namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// How a method is implemented. C# turns it into the method's implementation flags instead of a custom
    /// attribute; InternalCall marks an <c>extern</c> method the runtime implements in C.
    /// </summary>
    [AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        private readonly MethodImplOptions _value;

        public MethodImplAttribute()
        {
        }

        public MethodImplAttribute(MethodImplOptions methodImplOptions)
        {
            _value = methodImplOptions;
        }

        public MethodImplOptions Value
        {
            get { return _value; }
        }
    }
}
