namespace nanoFramework.McuMgr.Transport
{
    /// <summary>Standard base64 (RFC 4648 §4, with padding) over byte buffers, for the serial framing's lines.</summary>
    public static class Base64
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        // Tables, so that no character costs a call: the alphabet as bytes, and each byte's value (-1: not base64).
        static readonly byte[] Digits = new byte[64];
        static readonly sbyte[] Values = new sbyte[256];

        static Base64()
        {
            for (int i = 0; i < 256; i++)
                Values[i] = -1;
            for (int i = 0; i < 64; i++)
            {
                Digits[i] = (byte)Alphabet[i];
                Values[Alphabet[i]] = (sbyte)i;
            }
        }

        /// <summary>Writes the encoding of count bytes at target; returns the characters written.</summary>
        public static int Encode(byte[] source, int offset, int count, byte[] target, int at)
        {
            int start = at;
            for (int i = 0; i < count; i += 3)
            {
                int left = count - i;
                int v = source[offset + i] << 16;
                if (left > 1)
                    v |= source[offset + i + 1] << 8;
                if (left > 2)
                    v |= source[offset + i + 2];
                target[at++] = Digits[v >> 18 & 63];
                target[at++] = Digits[v >> 12 & 63];
                target[at++] = left > 1 ? Digits[v >> 6 & 63] : (byte)'=';
                target[at++] = left > 2 ? Digits[v & 63] : (byte)'=';
            }
            return at - start;
        }

        /// <summary>Decodes count characters (a multiple of 4) to target; the bytes written, or -1 for bad text.</summary>
        public static int Decode(byte[] source, int offset, int count, byte[] target, int at, int limit)
        {
            if (count % 4 != 0)
                return -1;
            int start = at;
            for (int i = offset; i < offset + count; i += 4)
            {
                bool last = i + 4 == offset + count;
                int pad = last && source[i + 3] == '=' ? (source[i + 2] == '=' ? 2 : 1) : 0;
                int v = 0;
                for (int j = 0; j < 4; j++)
                {
                    int d = j >= 4 - pad ? 0 : Values[source[i + j]];
                    if (d < 0)
                        return -1;
                    v = v << 6 | d;
                }
                int n = 3 - pad;
                if (at + n > limit)
                    return -1;
                target[at++] = (byte)(v >> 16);
                if (n > 1)
                    target[at++] = (byte)(v >> 8);
                if (n > 2)
                    target[at++] = (byte)v;
            }
            return at - start;
        }
    }
}
