namespace System.Text
{
    /// <summary>Text to bytes and back. The device offers UTF-8 (Encoding.UTF8).</summary>
    public abstract class Encoding
    {
        private static UTF8Encoding s_utf8;

        protected Encoding()
        {
        }

        public static Encoding UTF8
        {
            get { return s_utf8 ?? (s_utf8 = new UTF8Encoding(true)); }
        }

        /// <summary>The bytes that mark the start of text in this encoding (none by default).</summary>
        public virtual byte[] GetPreamble()
        {
            return new byte[0];
        }

        public abstract int GetByteCount(char[] chars, int index, int count);

        public abstract int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex);

        public abstract int GetCharCount(byte[] bytes, int index, int count);

        public abstract int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex);

        public virtual int GetByteCount(string s)
        {
            if ((object)s == null)
            {
                throw ThrowHelper.Null("chars"); // .NET's name for it
            }

            return GetByteCount(s.ToCharArray(), 0, s.Length);
        }

        public virtual int GetByteCount(char[] chars)
        {
            if (chars == null)
            {
                throw ThrowHelper.Null("chars");
            }

            return GetByteCount(chars, 0, chars.Length);
        }

        public virtual byte[] GetBytes(string s)
        {
            if ((object)s == null)
            {
                throw ThrowHelper.Null("s");
            }

            return GetBytes(s.ToCharArray());
        }

        public virtual byte[] GetBytes(char[] chars)
        {
            if (chars == null)
            {
                throw ThrowHelper.Null("chars");
            }

            return GetBytes(chars, 0, chars.Length);
        }

        public virtual byte[] GetBytes(char[] chars, int index, int count)
        {
            byte[] bytes = new byte[GetByteCount(chars, index, count)];
            GetBytes(chars, index, count, bytes, 0);
            return bytes;
        }

        public virtual int GetCharCount(byte[] bytes)
        {
            if (bytes == null)
            {
                throw ThrowHelper.Null("bytes");
            }

            return GetCharCount(bytes, 0, bytes.Length);
        }

        public virtual char[] GetChars(byte[] bytes)
        {
            if (bytes == null)
            {
                throw ThrowHelper.Null("bytes");
            }

            return GetChars(bytes, 0, bytes.Length);
        }

        public virtual char[] GetChars(byte[] bytes, int index, int count)
        {
            char[] chars = new char[GetCharCount(bytes, index, count)];
            GetChars(bytes, index, count, chars, 0);
            return chars;
        }

        public virtual string GetString(byte[] bytes)
        {
            if (bytes == null)
            {
                throw ThrowHelper.Null("bytes");
            }

            return GetString(bytes, 0, bytes.Length);
        }

        public virtual string GetString(byte[] bytes, int index, int count)
        {
            return new string(GetChars(bytes, index, count));
        }
    }
}
