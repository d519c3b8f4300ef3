using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>A type as the runtime names it: an id (its definition, and how many array levels wrap it).</summary>
    internal sealed class RuntimeType : Type
    {
        // FlagsOf's bits, as the runtime sets them.
        private const int ArrayFlag = 1, ValueTypeFlag = 2, EnumFlag = 4, InterfaceFlag = 8, AbstractFlag = 16,
            SealedFlag = 32, PrimitiveFlag = 64;
        private const int RankUnit = 1 << 24;

        private readonly int _id;

        internal RuntimeType(int id)
        {
            _id = id;
        }

        internal static Type Of(object o)
        {
            return new RuntimeType(TypeIdOf(o));
        }

        public override string Name
        {
            get { return NameOf(_id, 0); }
        }

        public override string FullName
        {
            get { return NameOf(_id, 1); }
        }

        public override string Namespace
        {
            get { return NameOf(_id, 2); }
        }

        public override Type BaseType
        {
            get
            {
                int id = BaseOf(_id);
                return id < 0 ? null : new RuntimeType(id);
            }
        }

        public override bool IsArray
        {
            get { return (FlagsOf(_id) & ArrayFlag) != 0; }
        }

        public override bool IsValueType
        {
            get { return (FlagsOf(_id) & ValueTypeFlag) != 0; }
        }

        public override bool IsEnum
        {
            get { return (FlagsOf(_id) & EnumFlag) != 0; }
        }

        public override bool IsInterface
        {
            get { return (FlagsOf(_id) & InterfaceFlag) != 0; }
        }

        public override bool IsAbstract
        {
            get { return (FlagsOf(_id) & AbstractFlag) != 0; }
        }

        public override bool IsSealed
        {
            get { return (FlagsOf(_id) & SealedFlag) != 0; }
        }

        public override bool IsPrimitive
        {
            get { return (FlagsOf(_id) & PrimitiveFlag) != 0; }
        }

        public override Type GetElementType()
        {
            return _id >= RankUnit ? new RuntimeType(_id - RankUnit) : null;
        }

        public override bool IsAssignableFrom(Type c)
        {
            RuntimeType other = c as RuntimeType;
            return other != null && IsAssignable(_id, other._id);
        }

        public override bool Equals(object o)
        {
            RuntimeType other = o as RuntimeType;
            return other != null && other._id == _id;
        }

        public override int GetHashCode()
        {
            return _id;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int TypeIdOf(object o);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string NameOf(int id, int part);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int BaseOf(int id);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int FlagsOf(int id);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool IsAssignable(int to, int from);
    }
}
