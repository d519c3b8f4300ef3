namespace System
{
    /// <summary>The base of every custom attribute.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
    public abstract class Attribute
    {
        protected Attribute()
        {
        }
    }
}
