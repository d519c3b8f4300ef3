namespace System
{
    /// <summary>What ldtoken gives for a field (array initialisers use it): the runtime's id.</summary>
    public struct RuntimeFieldHandle
    {
#pragma warning disable CS0649 // set by the runtime's ldtoken
        internal IntPtr _value;
#pragma warning restore CS0649

        public IntPtr Value
        {
            get { return _value; }
        }
    }
}
