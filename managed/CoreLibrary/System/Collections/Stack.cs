namespace System.Collections
{
    /// <summary>Last in, first out; enumeration and ToArray start at the top.</summary>
    public class Stack : ICollection, IPositional
    {
        private object[] _array;
        private int _size;
        private int _version;

        public Stack()
            : this(10)
        {
        }

        public Stack(int initialCapacity)
        {
            if (initialCapacity < 0)
            {
                throw ThrowHelper.Negative("initialCapacity", initialCapacity);
            }

            _array = new object[initialCapacity];
        }

        public virtual int Count
        {
            get { return _size; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        int IPositional.Version
        {
            get { return _version; }
        }

        object IPositional.ItemAt(int position)
        {
            return _array[_size - 1 - position];
        }

        public virtual void Push(object obj)
        {
            if (_size == _array.Length)
            {
                object[] array = new object[_array.Length == 0 ? 10 : _array.Length * 2];
                ArrayList.Copy(_array, 0, array, 0, _size);
                _array = array;
            }

            _array[_size++] = obj;
            _version++;
        }

        public virtual object Pop()
        {
            object item = Peek();
            _array[--_size] = null;
            _version++;
            return item;
        }

        public virtual object Peek()
        {
            if (_size == 0)
            {
                throw new InvalidOperationException("Stack empty.");
            }

            return _array[_size - 1];
        }

        public virtual void Clear()
        {
            for (int i = 0; i < _size; i++)
            {
                _array[i] = null;
            }

            _size = 0;
            _version++;
        }

        public virtual bool Contains(object obj)
        {
            for (int i = 0; i < _size; i++)
            {
                if (object.Equals(_array[i], obj))
                {
                    return true;
                }
            }

            return false;
        }

        public virtual object[] ToArray()
        {
            object[] items = new object[_size];
            for (int i = 0; i < _size; i++)
            {
                items[i] = _array[_size - 1 - i];
            }

            return items;
        }

        public virtual void CopyTo(Array array, int index)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array"); // .NET's name here; ArrayList's is destinationArray
            }

            ArrayList.CopyItems(ToArray(), 0, _size, array, index);
        }

        public virtual IEnumerator GetEnumerator()
        {
            return new PositionEnumerator(this, Queue.ModifiedAfterCreation);
        }
    }
}
