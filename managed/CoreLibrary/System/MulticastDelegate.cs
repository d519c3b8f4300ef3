namespace System
{
    /// <summary>The base of every delegate type: a combined delegate holds the delegates it calls in order.</summary>
    public abstract class MulticastDelegate : Delegate
    {
        internal Delegate[] _list; // null for a single delegate; read by the runtime's Invoke

        private protected MulticastDelegate()
        {
        }

        public override Delegate[] GetInvocationList()
        {
            if (_list == null)
            {
                return new Delegate[] { this };
            }

            Delegate[] copy = new Delegate[_list.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = _list[i];
            }

            return copy;
        }

        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2)
        {
            return (Delegate)d1 == (Delegate)d2;
        }

        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2)
        {
            return (Delegate)d1 != (Delegate)d2;
        }

        public override bool Equals(object obj)
        {
            return base.Equals(obj);
        }

        public override int GetHashCode()
        {
            return base.GetHashCode();
        }
    }
}
