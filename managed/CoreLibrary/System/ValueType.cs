namespace System
{
    /// <summary>The base of every struct and enum.</summary>
    public abstract class ValueType
    {
    }
}
