namespace System.Collections
{
    /// <summary>A collection with a count that can copy itself into an array.</summary>
    public interface ICollection : IEnumerable
    {
        int Count { get; }

        bool IsSynchronized { get; }

        object SyncRoot { get; }

        void CopyTo(Array array, int index);
    }
}
