namespace System.Reflection
{
    /// <summary>A member of a type. The runtime has no reflection over members: only types have names.</summary>
    public abstract class MemberInfo
    {
        public abstract string Name { get; }

        public abstract Type DeclaringType { get; }
    }

    public abstract class MethodBase : MemberInfo
    {
    }

    public abstract class MethodInfo : MethodBase
    {
    }

    public abstract class ConstructorInfo : MethodBase
    {
    }

    public abstract class FieldInfo : MemberInfo
    {
    }
}
