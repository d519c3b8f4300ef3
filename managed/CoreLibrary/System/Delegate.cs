namespace System
{
    /// <summary>
    /// The base of delegate types. C# looks the type up while binding every <c>==</c> and <c>!=</c> (delegate
    /// equality is one of the candidate operators), so the corlib needs it before any delegate exists.
    /// Creating and invoking delegates comes with the runtime's delegate support.
    /// </summary>
    public abstract class Delegate
    {
        private protected Delegate()
        {
        }
    }
}
