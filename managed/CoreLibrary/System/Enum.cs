namespace System
{
    /// <summary>The base of every enum.</summary>
    public abstract class Enum : ValueType
    {
    }
}
