namespace System
{
    /// <summary>How String.Split treats the pieces it finds.</summary>
    [Flags]
    public enum StringSplitOptions
    {
        None = 0,
        RemoveEmptyEntries = 1,
        TrimEntries = 2,
    }
}
