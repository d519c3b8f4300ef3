namespace System.Collections
{
    /// <summary>
    /// Values by key, in buckets chained by the keys' GetHashCode (equality by Equals). The enumeration order
    /// follows the buckets and is not .NET's, which depends on its own bucket layout.
    /// </summary>
    public class Hashtable : IDictionary
    {
        private const string EitherEnd = "Enumeration has either not started or has already finished.";

        private Entry[] _buckets;
        private int _count;
        private int _version;

        public Hashtable()
            : this(0)
        {
        }

        public Hashtable(int capacity)
        {
            if (capacity < 0)
            {
                throw ThrowHelper.Negative("capacity", capacity);
            }

            _buckets = new Entry[capacity < 7 ? 7 : capacity | 1];
        }

        public virtual int Count
        {
            get { return _count; }
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

        /// <summary>The keys, in enumeration order (a copy).</summary>
        public virtual ICollection Keys
        {
            get { return Column(true); }
        }

        /// <summary>The values, in the order of Keys (a copy).</summary>
        public virtual ICollection Values
        {
            get { return Column(false); }
        }

        /// <summary>The value of key, null when there is none.</summary>
        public virtual object this[object key]
        {
            get
            {
                Entry entry = Find(key);
                return entry == null ? null : entry.Value;
            }
            set
            {
                Insert(key, value, false);
            }
        }

        public virtual void Add(object key, object value)
        {
            Insert(key, value, true);
        }

        public virtual void Clear()
        {
            for (int i = 0; i < _buckets.Length; i++)
            {
                _buckets[i] = null;
            }

            _count = 0;
            _version++;
        }

        public virtual object Clone()
        {
            Hashtable clone = new Hashtable(_count);
            for (int b = 0; b < _buckets.Length; b++)
            {
                for (Entry e = _buckets[b]; e != null; e = e.Next)
                {
                    clone.Insert(e.Key, e.Value, true);
                }
            }

            return clone;
        }

        public virtual bool Contains(object key)
        {
            return Find(key) != null;
        }

        public virtual bool ContainsKey(object key)
        {
            return Find(key) != null;
        }

        public virtual bool ContainsValue(object value)
        {
            for (int b = 0; b < _buckets.Length; b++)
            {
                for (Entry e = _buckets[b]; e != null; e = e.Next)
                {
                    if (object.Equals(e.Value, value))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public virtual void Remove(object key)
        {
            int bucket = Bucket(key, _buckets.Length);
            Entry previous = null;
            for (Entry e = _buckets[bucket]; e != null; previous = e, e = e.Next)
            {
                if (e.Key.Equals(key))
                {
                    if (previous == null)
                    {
                        _buckets[bucket] = e.Next;
                    }
                    else
                    {
                        previous.Next = e.Next;
                    }

                    _count--;
                    _version++;
                    return;
                }
            }
        }

        /// <summary>Copies the entries as boxed DictionaryEntry values.</summary>
        public virtual void CopyTo(Array array, int arrayIndex)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array"); // .NET's name here; ArrayList's is destinationArray
            }

            object[] entries = new object[_count];
            int i = 0;
            for (int b = 0; b < _buckets.Length; b++)
            {
                for (Entry e = _buckets[b]; e != null; e = e.Next)
                {
                    entries[i++] = new DictionaryEntry(e.Key, e.Value);
                }
            }

            ArrayList.CopyItems(entries, 0, _count, array, arrayIndex);
        }

        public virtual IDictionaryEnumerator GetEnumerator()
        {
            return new Enumerator(this);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new Enumerator(this);
        }

        private ArrayList Column(bool keys)
        {
            ArrayList column = new ArrayList(_count);
            for (int b = 0; b < _buckets.Length; b++)
            {
                for (Entry e = _buckets[b]; e != null; e = e.Next)
                {
                    column.Add(keys ? e.Key : e.Value);
                }
            }

            return column;
        }

        private static int Bucket(object key, int buckets)
        {
            if (key == null)
            {
                throw ThrowHelper.Null("key");
            }

            return (key.GetHashCode() & 0x7FFFFFFF) % buckets;
        }

        private Entry Find(object key)
        {
            for (Entry e = _buckets[Bucket(key, _buckets.Length)]; e != null; e = e.Next)
            {
                if (e.Key.Equals(key))
                {
                    return e;
                }
            }

            return null;
        }

        private void Insert(object key, object value, bool add)
        {
            Entry found = Find(key);
            if (found != null)
            {
                if (add)
                {
                    throw new ArgumentException(string.Concat("Item has already been added. Key in dictionary: '",
                        found.Key.ToString(), "'  Key being added: '", key.ToString()) + "'");
                }

                found.Value = value;
                _version++;
                return;
            }

            // Keep chains short: grow to about twice the size when there are more entries than buckets.
            if (_count >= _buckets.Length)
            {
                Entry[] buckets = new Entry[_buckets.Length * 2 + 1];
                for (int b = 0; b < _buckets.Length; b++)
                {
                    Entry next;
                    for (Entry e = _buckets[b]; e != null; e = next)
                    {
                        next = e.Next;
                        int target = Bucket(e.Key, buckets.Length);
                        e.Next = buckets[target];
                        buckets[target] = e;
                    }
                }

                _buckets = buckets;
            }

            int bucket = Bucket(key, _buckets.Length);
            Entry entry = new Entry();
            entry.Key = key;
            entry.Value = value;
            entry.Next = _buckets[bucket];
            _buckets[bucket] = entry;
            _count++;
            _version++;
        }

        private sealed class Entry
        {
            internal object Key;
            internal object Value;
            internal Entry Next;
        }

        private sealed class Enumerator : IDictionaryEnumerator
        {
            private readonly Hashtable _table;
            private readonly int _version;
            private int _bucket = -1;
            private Entry _entry;

            internal Enumerator(Hashtable table)
            {
                _table = table;
                _version = table._version;
            }

            public object Key
            {
                get
                {
                    if (_entry == null)
                    {
                        throw new InvalidOperationException(PositionEnumerator.NotStarted);
                    }

                    return _entry.Key;
                }
            }

            public object Value
            {
                get { return Current(); }
            }

            public DictionaryEntry Entry
            {
                get
                {
                    Current();
                    return new DictionaryEntry(_entry.Key, _entry.Value);
                }
            }

            object IEnumerator.Current
            {
                get
                {
                    Current();
                    return new DictionaryEntry(_entry.Key, _entry.Value);
                }
            }

            public bool MoveNext()
            {
                CheckVersion();
                if (_entry != null)
                {
                    _entry = _entry.Next;
                }

                while (_entry == null && _bucket + 1 < _table._buckets.Length)
                {
                    _entry = _table._buckets[++_bucket];
                }

                return _entry != null;
            }

            public void Reset()
            {
                CheckVersion();
                _bucket = -1;
                _entry = null;
            }

            // The current value, after checking there is one.
            private object Current()
            {
                if (_entry == null)
                {
                    throw new InvalidOperationException(EitherEnd);
                }

                return _entry.Value;
            }

            private void CheckVersion()
            {
                if (_version != _table._version)
                {
                    throw new InvalidOperationException(PositionEnumerator.Modified);
                }
            }
        }
    }
}
