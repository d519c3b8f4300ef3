using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// A method bound to its target. The runtime implements each delegate type's constructor and Invoke and
    /// reads the fields below in this order (target, method); combined delegates are built here.
    /// </summary>
    public abstract class Delegate
    {
        internal object _target;
        internal IntPtr _method; // the runtime's handle of the method, as ldftn gives it

        private protected Delegate()
        {
        }

        /// <summary>The object the method is called on; null for a static method.</summary>
        public object Target
        {
            get { return _target; }
        }

        /// <summary>The delegates a call runs, in order (one for a delegate that was never combined).</summary>
        public virtual Delegate[] GetInvocationList()
        {
            return new Delegate[] { this };
        }

        /// <summary>A delegate calling a's list then b's; null when both are null.</summary>
        public static Delegate Combine(Delegate a, Delegate b)
        {
            if ((object)a == null)
            {
                return b;
            }

            if ((object)b == null)
            {
                return a;
            }

            if (a.GetType() != b.GetType())
            {
                throw new ArgumentException("Delegates must be of the same type.");
            }

            Delegate[] first = a.GetInvocationList();
            Delegate[] second = b.GetInvocationList();
            Delegate[] all = new Delegate[first.Length + second.Length];
            for (int i = 0; i < first.Length; i++)
            {
                all[i] = first[i];
            }

            for (int i = 0; i < second.Length; i++)
            {
                all[first.Length + i] = second[i];
            }

            return FromList(a, all, all.Length);
        }

        /// <summary>source without the last occurrence of value's list; source when it does not occur.</summary>
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if ((object)source == null || (object)value == null)
            {
                return source;
            }

            Delegate[] list = source.GetInvocationList();
            Delegate[] remove = value.GetInvocationList();
            for (int start = list.Length - remove.Length; start >= 0; start--)
            {
                bool match = true;
                for (int i = 0; i < remove.Length && match; i++)
                {
                    match = list[start + i].Equals(remove[i]);
                }

                if (match)
                {
                    Delegate[] rest = new Delegate[list.Length - remove.Length];
                    for (int i = 0; i < start; i++)
                    {
                        rest[i] = list[i];
                    }

                    for (int i = start + remove.Length; i < list.Length; i++)
                    {
                        rest[i - remove.Length] = list[i];
                    }

                    return FromList(source, rest, rest.Length);
                }
            }

            return source;
        }

        private static Delegate FromList(Delegate template, Delegate[] list, int count)
        {
            if (count == 0)
            {
                return null;
            }

            if (count == 1)
            {
                return list[0];
            }

            MulticastDelegate combined = (MulticastDelegate)template.MemberwiseClone();
            combined._list = list;
            combined._target = list[count - 1]._target;
            combined._method = list[count - 1]._method;
            return combined;
        }

        /// <summary>Same type, target and method (and, for combined delegates, the same list).</summary>
        public override bool Equals(object obj)
        {
            Delegate other = obj as Delegate;
            if ((object)other == null || GetType() != other.GetType())
            {
                return false;
            }

            Delegate[] mine = GetInvocationList();
            Delegate[] theirs = other.GetInvocationList();
            if (mine.Length != theirs.Length)
            {
                return false;
            }

            for (int i = 0; i < mine.Length; i++)
            {
                if (mine[i]._target != theirs[i]._target || mine[i]._method != theirs[i]._method)
                {
                    return false;
                }
            }

            return true;
        }

        public override int GetHashCode()
        {
            return _method.GetHashCode();
        }

        public static bool operator ==(Delegate d1, Delegate d2)
        {
            return (object)d1 == null ? (object)d2 == null : d1.Equals(d2);
        }

        public static bool operator !=(Delegate d1, Delegate d2)
        {
            return !(d1 == d2);
        }
    }
}
