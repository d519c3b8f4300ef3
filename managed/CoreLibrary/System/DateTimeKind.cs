namespace System
{
    /// <summary>Whether a DateTime is UTC, local time, or neither.</summary>
    public enum DateTimeKind
    {
        Unspecified = 0,
        Utc = 1,
        Local = 2,
    }
}
