namespace System.Collections
{
    /// <summary>A position in a collection: MoveNext, then Current.</summary>
    public interface IEnumerator
    {
        object Current { get; }

        bool MoveNext();

        void Reset();
    }
}
