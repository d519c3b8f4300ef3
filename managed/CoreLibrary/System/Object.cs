using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The base of every type.</summary>
    public class Object
    {
        public Object()
        {
        }

        /// <summary>Reference equality; value types and strings override it.</summary>
        public virtual bool Equals(object obj)
        {
            return this == obj;
        }

        public static bool Equals(object objA, object objB)
        {
            if (objA == objB)
            {
                return true;
            }

            if (objA == null || objB == null)
            {
                return false;
            }

            return objA.Equals(objB);
        }

        /// <summary>The object's runtime type.</summary>
        public Type GetType()
        {
            return RuntimeType.Of(this);
        }

        /// <summary>An identity hash: stable for the object's life (the heap never moves objects).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public virtual extern int GetHashCode();

        /// <summary>A shallow copy: a new object of the same type with the same field values.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        protected extern object MemberwiseClone();

        public static bool ReferenceEquals(object objA, object objB)
        {
            return objA == objB;
        }

        /// <summary>The full name of the object's type, as .NET gives it (nested types joined with '+').</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public virtual extern string ToString();
    }
}
