namespace System.Collections
{
    /// <summary>Values by key.</summary>
    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }

        ICollection Keys { get; }

        ICollection Values { get; }

        bool IsFixedSize { get; }

        bool IsReadOnly { get; }

        void Add(object key, object value);

        void Clear();

        bool Contains(object key);

        new IDictionaryEnumerator GetEnumerator();

        void Remove(object key);
    }
}
