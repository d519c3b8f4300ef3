namespace System.Collections
{
    /// <summary>An enumerator over a dictionary: the current entry's key and value.</summary>
    public interface IDictionaryEnumerator : IEnumerator
    {
        DictionaryEntry Entry { get; }

        object Key { get; }

        object Value { get; }
    }
}
