namespace System.Collections
{
    /// <summary>What `foreach` walks.</summary>
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }
}
