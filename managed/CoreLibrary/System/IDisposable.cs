namespace System
{
    /// <summary>Releases what an object holds (`using` statements call it).</summary>
    public interface IDisposable
    {
        void Dispose();
    }
}
