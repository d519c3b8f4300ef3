namespace System.Collections
{
    /// <summary>A key and its value, as a dictionary's enumerator gives them.</summary>
    public struct DictionaryEntry
    {
        private object _key;
        private object _value;

        public DictionaryEntry(object key, object value)
        {
            _key = key;
            _value = value;
        }

        public object Key
        {
            get { return _key; }
            set { _key = value; }
        }

        public object Value
        {
            get { return _value; }
            set { _value = value; }
        }

        /// <summary>"[key, value]", as .NET prints it.</summary>
        public override string ToString()
        {
            return string.Concat("[", Text(_key), ", ", Text(_value)) + "]";
        }

        private static string Text(object value)
        {
            return value == null ? string.Empty : value.ToString();
        }
    }
}
