namespace System.Text
{
    /// <summary>
    /// UTF-8 as .NET encodes it: a lone surrogate becomes U+FFFD (EF BF BD); decoding replaces each maximal
    /// invalid subsequence (Unicode's "maximal subpart" practice) with one U+FFFD.
    /// </summary>
    public class UTF8Encoding : Encoding
    {
        private const char Replacement = '\uFFFD';
        private const string NonNegative = "Non-negative number required.";
        private const string BufferRange = "Index and count must refer to a location within the buffer.";

        private readonly bool _emitIdentifier;

        public UTF8Encoding()
            : this(false)
        {
        }

        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier)
        {
            _emitIdentifier = encoderShouldEmitUTF8Identifier;
        }

        /// <summary>The byte order mark EF BB BF when the encoding was made to emit one, else empty.</summary>
        public override byte[] GetPreamble()
        {
            return _emitIdentifier ? new byte[] { 0xEF, 0xBB, 0xBF } : base.GetPreamble();
        }

        public override int GetByteCount(char[] chars, int index, int count)
        {
            CheckRange(chars, "chars", index, "index", count, "count");
            return Encode(chars, index, count, null, 0);
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            CheckRange(chars, "chars", charIndex, "charIndex", charCount, "charCount");
            CheckOutput(bytes, "bytes", byteIndex, "byteIndex");
            if (Encode(chars, charIndex, charCount, null, 0) > bytes.Length - byteIndex)
            {
                throw new ArgumentException("The output byte buffer is too small to contain the encoded data, encoding codepage '65001' and fallback 'System.Text.EncoderReplacementFallback'.", "bytes");
            }

            return Encode(chars, charIndex, charCount, bytes, byteIndex);
        }

        public override int GetCharCount(byte[] bytes, int index, int count)
        {
            CheckRange(bytes, "bytes", index, "index", count, "count");
            return Decode(bytes, index, count, null, 0);
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            CheckRange(bytes, "bytes", byteIndex, "byteIndex", byteCount, "byteCount");
            CheckOutput(chars, "chars", charIndex, "charIndex");
            if (Decode(bytes, byteIndex, byteCount, null, 0) > chars.Length - charIndex)
            {
                throw new ArgumentException("The output char buffer is too small to contain the decoded characters, encoding codepage '65001' and fallback 'System.Text.DecoderReplacementFallback'.", "chars");
            }

            return Decode(bytes, byteIndex, byteCount, chars, charIndex);
        }

        // Writes the UTF-8 of chars[index .. index + count) at output[at] (null: only counts) and returns its length.
        private static int Encode(char[] chars, int index, int count, byte[] output, int at)
        {
            int start = at;
            int end = index + count;
            for (int i = index; i < end; i++)
            {
                int c = chars[i];
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < end && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                    {
                        c = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                        i++;
                    }
                    else
                    {
                        c = Replacement;
                    }
                }

                at = Put(output, at, c);
            }

            return at - start;
        }

        private static int Put(byte[] output, int at, int c)
        {
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (output != null)
            {
                if (size == 1)
                {
                    output[at] = (byte)c;
                }
                else
                {
                    // Lead byte: size-many high bits set, then the top bits of the code point.
                    output[at] = (byte)((0xF00 >> size) | (c >> (6 * (size - 1))));
                    for (int k = 1; k < size; k++)
                    {
                        output[at + k] = (byte)(0x80 | ((c >> (6 * (size - 1 - k))) & 0x3F));
                    }
                }
            }

            return at + size;
        }

        // Writes the UTF-16 of bytes[index .. index + count) at output[at] (null: only counts), returns its length.
        private static int Decode(byte[] bytes, int index, int count, char[] output, int at)
        {
            int start = at;
            int end = index + count;
            int i = index;
            while (i < end)
            {
                int b = bytes[i++];
                int extra;
                int low = 0x80;
                int high = 0xBF;
                if (b < 0x80)
                {
                    at = PutChar(output, at, b);
                    continue;
                }

                if (b >= 0xC2 && b <= 0xDF)
                {
                    extra = 1;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    extra = 2;
                    low = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
                    high = b == 0xED ? 0x9F : 0xBF; // no surrogates
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    extra = 3;
                    low = b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
                }
                else
                {
                    at = PutChar(output, at, Replacement);
                    continue;
                }

                int code = b & (0x7F >> (extra + 1));
                bool valid = true;
                for (int k = 0; k < extra; k++)
                {
                    if (i >= end || bytes[i] < low || bytes[i] > high)
                    {
                        valid = false; // the bytes so far are one invalid subsequence; bytes[i] starts afresh
                        break;
                    }

                    code = (code << 6) | (bytes[i++] & 0x3F);
                    low = 0x80;
                    high = 0xBF;
                }

                at = PutChar(output, at, valid ? code : Replacement);
            }

            return at - start;
        }

        private static int PutChar(char[] output, int at, int code)
        {
            if (code >= 0x10000)
            {
                if (output != null)
                {
                    output[at] = (char)(0xD800 + ((code - 0x10000) >> 10));
                    output[at + 1] = (char)(0xDC00 + ((code - 0x10000) & 0x3FF));
                }

                return at + 2;
            }

            if (output != null)
            {
                output[at] = (char)code;
            }

            return at + 1;
        }

        private static void CheckRange(Array buffer, string bufferName, int index, string indexName, int count, string countName)
        {
            if (buffer == null)
            {
                throw ThrowHelper.Null(bufferName);
            }

            if (index < 0 || count < 0)
            {
                throw ThrowHelper.OutOfRange(index < 0 ? indexName : countName, NonNegative);
            }

            if (buffer.Length - index < count)
            {
                throw ThrowHelper.OutOfRange(bufferName, BufferRange);
            }
        }

        private static void CheckOutput(Array buffer, string bufferName, int index, string indexName)
        {
            if (buffer == null)
            {
                throw ThrowHelper.Null(bufferName);
            }

            if (index < 0 || index > buffer.Length)
            {
                throw ThrowHelper.OutOfRange(indexName, ThrowHelper.IndexMustBeLessOrEqual);
            }
        }
    }
}
