namespace System.Collections
{
    /// <summary>First in, first out: a circular buffer that doubles when full.</summary>
    public class Queue : ICollection, IPositional
    {
        internal const string ModifiedAfterCreation = "Collection was modified after the enumerator was instantiated.";

        private object[] _array;
        private int _head;
        private int _size;
        private int _version;

        public Queue()
            : this(32)
        {
        }

        public Queue(int capacity)
        {
            if (capacity < 0)
            {
                throw ThrowHelper.Negative("capacity", capacity);
            }

            _array = new object[capacity];
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
            return _array[(_head + position) % _array.Length];
        }

        public virtual void Enqueue(object obj)
        {
            if (_size == _array.Length)
            {
                object[] array = new object[_array.Length < 2 ? 4 : _array.Length * 2];
                CopyTo(array, 0);
                _array = array;
                _head = 0;
            }

            _array[(_head + _size) % _array.Length] = obj;
            _size++;
            _version++;
        }

        public virtual object Dequeue()
        {
            object item = Peek();
            _array[_head] = null;
            _head = (_head + 1) % _array.Length;
            _size--;
            _version++;
            return item;
        }

        public virtual object Peek()
        {
            if (_size == 0)
            {
                throw new InvalidOperationException("Queue empty.");
            }

            return _array[_head];
        }

        public virtual void Clear()
        {
            for (int i = 0; i < _array.Length; i++)
            {
                _array[i] = null;
            }

            _head = 0;
            _size = 0;
            _version++;
        }

        public virtual bool Contains(object obj)
        {
            for (int i = 0; i < _size; i++)
            {
                if (object.Equals(_array[(_head + i) % _array.Length], obj))
                {
                    return true;
                }
            }

            return false;
        }

        public virtual object[] ToArray()
        {
            object[] items = new object[_size];
            CopyTo(items, 0);
            return items;
        }

        public virtual void CopyTo(Array array, int index)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array"); // .NET's name here; ArrayList's is destinationArray
            }

            // The two runs of the ring: from the head to the end of the buffer, then from its start.
            int first = _array.Length - _head < _size ? _array.Length - _head : _size;
            ArrayList.CopyItems(_array, _head, first, array, index);
            ArrayList.CopyItems(_array, 0, _size - first, array, index + first);
        }

        public virtual IEnumerator GetEnumerator()
        {
            return new PositionEnumerator(this, ModifiedAfterCreation);
        }
    }
}
