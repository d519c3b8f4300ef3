using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Immutable UTF-16 text. The runtime owns the representation: length, characters, concatenation and
    /// comparison are internal calls; the rest is built on them.
    /// </summary>
    public sealed partial class String
    {
        public static readonly string Empty = "";

        // Strings are made by the runtime (literals, Concat), never with `new string()`.
        private String()
        {
        }

        /// <summary>The number of UTF-16 code units.</summary>
        public extern int Length
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        /// <summary>The code unit at <paramref name="index"/>; IndexOutOfRangeException outside 0..Length-1.</summary>
        [IndexerName("Chars")]
        public extern char this[int index]
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        /// <summary>Ordinal comparison; true when both are null, false when only one is.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool Equals(string a, string b);

        public bool Equals(string value)
        {
            return Equals(this, value);
        }

        public override bool Equals(object obj)
        {
            return obj is string other && Equals(this, other);
        }

        /// <summary>
        /// FNV-1a over the UTF-16 code units. .NET randomises string hashes per process, so no caller
        /// may rely on the values, only on equal strings hashing equally.
        /// </summary>
        public override int GetHashCode()
        {
            uint hash = 2166136261;
            int length = Length;
            for (int i = 0; i < length; i++)
            {
                hash = (hash ^ this[i]) * 16777619;
            }

            return (int)hash;
        }

        public static bool operator ==(string a, string b)
        {
            return Equals(a, b);
        }

        public static bool operator !=(string a, string b)
        {
            return !Equals(a, b);
        }

        /// <summary>Joins two strings; a null argument counts as empty, and the result is never null.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string Concat(string str0, string str1);

        public static string Concat(string str0, string str1, string str2)
        {
            return Concat(Concat(str0, str1), str2);
        }

        public static string Concat(string str0, string str1, string str2, string str3)
        {
            return Concat(Concat(str0, str1), Concat(str2, str3));
        }

        public static bool IsNullOrEmpty(string value)
        {
            return (object)value == null || value.Length == 0;
        }

        public override string ToString()
        {
            return this;
        }
    }
}
