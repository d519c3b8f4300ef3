namespace System
{
    /// <summary>
    /// A source of culture data. Our corlib formats and parses with the invariant culture only, so a
    /// provider passed to ToString or Parse is accepted and not consulted.
    /// </summary>
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }
}
