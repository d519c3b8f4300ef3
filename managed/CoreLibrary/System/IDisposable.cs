namespace System
{
    /// <summary>Releases what an object holds; `using` calls Dispose.</summary>
    public interface IDisposable
    {
        void Dispose();
    }
}
