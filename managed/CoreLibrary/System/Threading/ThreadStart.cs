namespace System.Threading
{
    /// <summary>What a thread runs.</summary>
    public delegate void ThreadStart();
}
