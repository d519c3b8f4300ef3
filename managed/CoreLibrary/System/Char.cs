namespace System
{
    /// <summary>
    /// A UTF-16 code unit. Classification and case mapping give .NET's (invariant) results for ASCII and
    /// Latin-1 (U+0000..U+00FF), including the two Latin-1 letters whose upper case lies beyond it (µ, ÿ);
    /// above U+00FF only white space and surrogates are classified, other characters count as neither
    /// letters nor digits and map to themselves.
    /// </summary>
    public readonly struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x0000;

#pragma warning disable CS0169, CS0649 // the value itself: the runtime stores it, managed code reads it as `this`
        private readonly char m_value;
#pragma warning restore CS0169, CS0649

        public override string ToString()
        {
            return new string(this, 1);
        }

        public static string ToString(char c)
        {
            return new string(c, 1);
        }

        public override bool Equals(object obj)
        {
            return obj is char && (char)obj == this;
        }

        public override int GetHashCode()
        {
            return this | (this << 16);
        }

        public int CompareTo(char value)
        {
            return this - value;
        }

        public static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        public static bool IsLetter(char c)
        {
            return IsUpper(c) || IsLower(c) || c == '\u00AA' || c == '\u00BA';
        }

        public static bool IsLetterOrDigit(char c)
        {
            return IsLetter(c) || IsDigit(c);
        }

        public static bool IsUpper(char c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7');
        }

        public static bool IsLower(char c)
        {
            return (c >= 'a' && c <= 'z') || c == '\u00B5' || (c >= '\u00DF' && c <= '\u00FF' && c != '\u00F7');
        }

        /// <summary>Unicode's White_Space characters, as .NET's Char.IsWhiteSpace.</summary>
        public static bool IsWhiteSpace(char c)
        {
            if (c <= '\u00FF')
            {
                return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00A0';
            }

            return c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' ||
                   c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        public static bool IsSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDFFF';
        }

        public static bool IsHighSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDBFF';
        }

        public static bool IsLowSurrogate(char c)
        {
            return c >= '\uDC00' && c <= '\uDFFF';
        }

        public static char ToUpper(char c)
        {
            return ToUpperInvariant(c);
        }

        public static char ToLower(char c)
        {
            return ToLowerInvariant(c);
        }

        /// <summary>ß has no single-character upper case and stays; µ becomes Greek Μ, ÿ becomes Ÿ.</summary>
        public static char ToUpperInvariant(char c)
        {
            if ((c >= 'a' && c <= 'z') || (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7'))
            {
                return (char)(c - 0x20);
            }

            if (c == '\u00B5')
            {
                return '\u039C';
            }

            return c == '\u00FF' ? '\u0178' : c;
        }

        public static char ToLowerInvariant(char c)
        {
            if ((c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7'))
            {
                return (char)(c + 0x20);
            }

            return c;
        }
    }
}
