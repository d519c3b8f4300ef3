namespace System.Reflection
{
    /// <summary>Names a type's default member; C# emits it for every type that declares an indexer.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
    public sealed class DefaultMemberAttribute : Attribute
    {
        private readonly string _memberName;

        public DefaultMemberAttribute(string memberName)
        {
            _memberName = memberName;
        }

        public string MemberName
        {
            get { return _memberName; }
        }
    }
}
