namespace System
{
    /// <summary>A value that formats itself by a format string (string.Format's "{0:X4}" items).</summary>
    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }
}
