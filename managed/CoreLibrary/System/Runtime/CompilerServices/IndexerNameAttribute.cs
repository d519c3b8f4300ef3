namespace System.Runtime.CompilerServices
{
    /// <summary>The metadata name of an indexer (String's is <c>Chars</c>, so its getter is <c>get_Chars</c>).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = true)]
    public sealed class IndexerNameAttribute : Attribute
    {
        public IndexerNameAttribute(string indexerName)
        {
        }
    }
}
