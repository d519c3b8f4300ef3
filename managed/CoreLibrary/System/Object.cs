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

        /// <summary>
        /// A hash consistent with Equals. This base version returns one value for every object, which keeps
        /// the contract (equal objects, equal hashes); the runtime's per-object hash replaces it once the
        /// runtime has object identity support (slice 2). Types that override Equals override this too.
        /// </summary>
        public virtual int GetHashCode()
        {
            return 0;
        }

        public static bool ReferenceEquals(object objA, object objB)
        {
            return objA == objB;
        }

        /// <summary>The full name of the object's type, as .NET gives it (nested types joined with '+').</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public virtual extern string ToString();
    }
}
