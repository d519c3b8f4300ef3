namespace System.Collections
{
    /// <summary>A list of objects in one array that doubles when full (from 4), as .NET's.</summary>
    public class ArrayList : IList, IPositional
    {
        private const int DefaultCapacity = 4;

        private object[] _items;
        private int _size;
        private int _version;

        public ArrayList()
        {
            _items = new object[0];
        }

        public ArrayList(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity", "'capacity' must be non-negative.");
            }

            _items = new object[capacity];
        }

        public ArrayList(ICollection c)
            : this(0)
        {
            AddRange(c);
        }

        public virtual int Capacity
        {
            get { return _items.Length; }
            set
            {
                if (value < _size)
                {
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                }

                if (value != _items.Length)
                {
                    object[] items = new object[value];
                    Copy(_items, 0, items, 0, _size);
                    _items = items;
                }
            }
        }

        public virtual int Count
        {
            get { return _size; }
        }

        public virtual bool IsFixedSize
        {
            get { return false; }
        }

        public virtual bool IsReadOnly
        {
            get { return false; }
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

        public virtual object this[int index]
        {
            get
            {
                CheckIndex(index);
                return _items[index];
            }
            set
            {
                CheckIndex(index);
                _items[index] = value;
                _version++;
            }
        }

        object IPositional.ItemAt(int position)
        {
            return _items[position];
        }

        public virtual int Add(object value)
        {
            Grow(_size + 1);
            _items[_size] = value;
            _version++;
            return _size++;
        }

        public virtual void AddRange(ICollection c)
        {
            InsertRange(_size, c);
        }

        public virtual void InsertRange(int index, ICollection c)
        {
            if (c == null)
            {
                throw ThrowHelper.Null("c");
            }

            if (index < 0 || index > _size)
            {
                throw ThrowHelper.OutOfRange("index", ThrowHelper.IndexMustBeLessOrEqual);
            }

            int count = c.Count;
            if (count == 0)
            {
                return;
            }

            object[] added = new object[count];
            c.CopyTo(added, 0);
            Grow(_size + count);
            Copy(_items, index, _items, index + count, _size - index);
            Copy(added, 0, _items, index, count);
            _size += count;
            _version++;
        }

        public virtual void Clear()
        {
            for (int i = 0; i < _size; i++)
            {
                _items[i] = null;
            }

            _size = 0;
            _version++;
        }

        public virtual object Clone()
        {
            ArrayList clone = new ArrayList(_size);
            Copy(_items, 0, clone._items, 0, _size);
            clone._size = _size;
            return clone;
        }

        public virtual bool Contains(object item)
        {
            return IndexOf(item) >= 0;
        }

        public virtual int IndexOf(object value)
        {
            return IndexOf(value, 0);
        }

        public virtual int IndexOf(object value, int startIndex)
        {
            if (startIndex < 0 || startIndex > _size)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLessOrEqual);
            }

            for (int i = startIndex; i < _size; i++)
            {
                if (object.Equals(_items[i], value))
                {
                    return i;
                }
            }

            return -1;
        }

        public virtual int LastIndexOf(object value)
        {
            for (int i = _size - 1; i >= 0; i--)
            {
                if (object.Equals(_items[i], value))
                {
                    return i;
                }
            }

            return -1;
        }

        public virtual void Insert(int index, object value)
        {
            if (index < 0 || index > _size)
            {
                throw ThrowHelper.OutOfRange("index", ThrowHelper.IndexMustBeLessOrEqual);
            }

            Grow(_size + 1);
            Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = value;
            _size++;
            _version++;
        }

        public virtual void Remove(object obj)
        {
            int index = IndexOf(obj);
            if (index >= 0)
            {
                RemoveAt(index);
            }
        }

        public virtual void RemoveAt(int index)
        {
            CheckIndex(index);
            RemoveRange(index, 1);
        }

        public virtual void RemoveRange(int index, int count)
        {
            CheckRange(index, count);
            Copy(_items, index + count, _items, index, _size - index - count);
            for (int i = _size - count; i < _size; i++)
            {
                _items[i] = null;
            }

            _size -= count;
            _version++;
        }

        public virtual ArrayList GetRange(int index, int count)
        {
            CheckRange(index, count);
            ArrayList range = new ArrayList(count);
            Copy(_items, index, range._items, 0, count);
            range._size = count;
            return range;
        }

        public virtual void Reverse()
        {
            for (int i = 0, j = _size - 1; i < j; i++, j--)
            {
                object item = _items[i];
                _items[i] = _items[j];
                _items[j] = item;
            }

            _version++;
        }

        public virtual object[] ToArray()
        {
            object[] array = new object[_size];
            Copy(_items, 0, array, 0, _size);
            return array;
        }

        public virtual void CopyTo(Array array)
        {
            CopyTo(array, 0);
        }

        public virtual void CopyTo(Array array, int arrayIndex)
        {
            CopyItems(_items, 0, _size, array, arrayIndex);
        }

        public virtual IEnumerator GetEnumerator()
        {
            return new PositionEnumerator(this, PositionEnumerator.Modified);
        }

        /// <summary>
        /// ICollection.CopyTo for the collections here: source[start .. start + count) into an array of references
        /// (object[], string[], ...) from index, with .NET's checks. Arrays of value types are not supported.
        /// </summary>
        internal static void CopyItems(object[] source, int start, int count, Array array, int index)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("destinationArray");
            }

            if (index < 0)
            {
                throw ThrowHelper.Negative("destinationIndex", index);
            }

            if (array.Length - index < count)
            {
                throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destinationArray");
            }

            object[] target = array as object[];
            if (target == null)
            {
                throw new NotSupportedException("Copying into arrays of value types is not supported.");
            }

            Copy(source, start, target, index, count);
        }

        // Overlapping ranges are copied in the safe direction.
        internal static void Copy(object[] source, int sourceIndex, object[] target, int targetIndex, int count)
        {
            if (source == target && sourceIndex < targetIndex)
            {
                for (int i = count - 1; i >= 0; i--)
                {
                    target[targetIndex + i] = source[sourceIndex + i];
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    target[targetIndex + i] = source[sourceIndex + i];
                }
            }
        }

        private void Grow(int needed)
        {
            if (needed > _items.Length)
            {
                int capacity = _items.Length == 0 ? DefaultCapacity : _items.Length * 2;
                Capacity = capacity < needed ? needed : capacity;
            }
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _size)
            {
                throw ThrowHelper.OutOfRange("index", ThrowHelper.IndexMustBeLess);
            }
        }

        private void CheckRange(int index, int count)
        {
            if (index < 0)
            {
                throw ThrowHelper.Negative("index", index);
            }

            if (count < 0)
            {
                throw ThrowHelper.Negative("count", count);
            }

            if (_size - index < count)
            {
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            }
        }
    }
}
