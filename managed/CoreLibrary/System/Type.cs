using System.Reflection;

namespace System
{
    /// <summary>
    /// A type's identity and names (typeof, GetType()). Members for reflection over methods and fields exist
    /// for source compatibility and throw NotSupportedException: the runtime keeps no member metadata for them.
    /// </summary>
    public abstract class Type : MemberInfo
    {
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle)
        {
            return new RuntimeType((int)handle._value);
        }

        public abstract string FullName { get; }

        public abstract string Namespace { get; }

        public abstract Type BaseType { get; }

        public abstract bool IsArray { get; }

        public abstract bool IsValueType { get; }

        public abstract bool IsEnum { get; }

        public abstract bool IsInterface { get; }

        public abstract bool IsAbstract { get; }

        public abstract bool IsSealed { get; }

        public abstract bool IsPrimitive { get; }

        public bool IsClass
        {
            get { return !IsValueType && !IsInterface; }
        }

        public abstract Type GetElementType();

        /// <summary>Can a value of type c be stored in a variable of this type?</summary>
        public abstract bool IsAssignableFrom(Type c);

        public bool IsInstanceOfType(object o)
        {
            return o != null && IsAssignableFrom(o.GetType());
        }

        public bool IsSubclassOf(Type c)
        {
            for (Type t = BaseType; t != null; t = t.BaseType)
            {
                if (t == c)
                {
                    return true;
                }
            }

            return false;
        }

        public string AssemblyQualifiedName
        {
            get { throw new NotSupportedException(); }
        }

        public static Type GetType(string typeName)
        {
            throw new NotSupportedException();
        }

        public Type[] GetInterfaces()
        {
            throw new NotSupportedException();
        }

        public MethodInfo GetMethod(string name)
        {
            throw new NotSupportedException();
        }

        public MethodInfo[] GetMethods()
        {
            throw new NotSupportedException();
        }

        public FieldInfo GetField(string name)
        {
            throw new NotSupportedException();
        }

        public FieldInfo[] GetFields()
        {
            throw new NotSupportedException();
        }

        public ConstructorInfo GetConstructor(Type[] types)
        {
            throw new NotSupportedException();
        }

        public override Type DeclaringType
        {
            get { throw new NotSupportedException(); }
        }

        public override string ToString()
        {
            return FullName;
        }

        public static bool operator ==(Type left, Type right)
        {
            return (object)left == null ? (object)right == null : left.Equals(right);
        }

        public static bool operator !=(Type left, Type right)
        {
            return !(left == right);
        }

        public override bool Equals(object o)
        {
            return base.Equals(o);
        }

        public override int GetHashCode()
        {
            return base.GetHashCode();
        }
    }
}
