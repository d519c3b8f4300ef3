namespace System.Collections
{
    /// <summary>A collection read by position in enumeration order (ArrayList, Queue, Stack).</summary>
    internal interface IPositional
    {
        int Count { get; }

        /// <summary>Changes with every modification, so that enumerators notice them.</summary>
        int Version { get; }

        object ItemAt(int position);
    }

    /// <summary>The enumerator of the positional collections, with .NET's exceptions.</summary>
    internal sealed class PositionEnumerator : IEnumerator
    {
        internal const string NotStarted = "Enumeration has not started. Call MoveNext.";
        internal const string Finished = "Enumeration already finished.";
        internal const string Modified = "Collection was modified; enumeration operation may not execute.";

        private readonly IPositional _source;
        private readonly int _version;
        private readonly string _modified;
        private int _position = -1;

        internal PositionEnumerator(IPositional source, string modifiedMessage)
        {
            _source = source;
            _version = source.Version;
            _modified = modifiedMessage;
        }

        public object Current
        {
            get
            {
                if (_position < 0)
                {
                    throw new InvalidOperationException(NotStarted);
                }

                if (_position >= _source.Count)
                {
                    throw new InvalidOperationException(Finished);
                }

                return _source.ItemAt(_position);
            }
        }

        public bool MoveNext()
        {
            CheckVersion();
            if (_position < _source.Count)
            {
                _position++;
            }

            return _position < _source.Count;
        }

        public void Reset()
        {
            CheckVersion();
            _position = -1;
        }

        private void CheckVersion()
        {
            if (_version != _source.Version)
            {
                throw new InvalidOperationException(_modified);
            }
        }
    }
}
