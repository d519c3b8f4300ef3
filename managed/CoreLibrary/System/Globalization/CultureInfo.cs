namespace System.Globalization
{
    /// <summary>Only the invariant culture, which is how our corlib formats and parses numbers.</summary>
    public sealed class CultureInfo : IFormatProvider
    {
        private static readonly CultureInfo s_invariant = new CultureInfo();

        private CultureInfo()
        {
        }

        public static CultureInfo InvariantCulture
        {
            get { return s_invariant; }
        }

        /// <summary>Null for every type: the invariant culture's data lives in the runtime's number code.</summary>
        public object GetFormat(Type formatType)
        {
            return null;
        }
    }
}
