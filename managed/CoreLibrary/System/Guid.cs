namespace System
{
    /// <summary>
    /// A 128-bit identifier in .NET's layout (a 32-bit, two 16-bit and eight 8-bit fields). Parse accepts the
    /// "D", "N", "B" and "P" forms (not "X", nor .NET's "+" and "0x" quirks in the first group); NewGuid makes a
    /// version 4 identifier from a pseudo-random generator seeded with the clock (not cryptographic).
    /// </summary>
    public readonly struct Guid
    {
        public static readonly Guid Empty = new Guid();

        private const string Unrecognized = "Unrecognized Guid format.";
        private const string BadDashes = "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";
        private const string BadHex = "Guid string should only contain hexadecimal characters.";

        // Display position i (the text's i-th byte) holds byte s_displayOrder[i] of ToByteArray's layout (and back).
        private static readonly int[] s_displayOrder = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };

        private static Random s_random;

        private readonly int _a;
        private readonly short _b;
        private readonly short _c;
        private readonly byte _d;
        private readonly byte _e;
        private readonly byte _f;
        private readonly byte _g;
        private readonly byte _h;
        private readonly byte _i;
        private readonly byte _j;
        private readonly byte _k;

        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k)
        {
            _a = a;
            _b = b;
            _c = c;
            _d = d;
            _e = e;
            _f = f;
            _g = g;
            _h = h;
            _i = i;
            _j = j;
            _k = k;
        }

        /// <summary>From ToByteArray's layout: the first three fields little-endian, then the eight bytes.</summary>
        public Guid(byte[] b)
        {
            if (b == null)
            {
                throw ThrowHelper.Null("b");
            }

            if (b.Length != 16)
            {
                throw new ArgumentException("Byte array for Guid must be exactly 16 bytes long.", "b");
            }

            this = FromBytes(b);
        }

        public Guid(string g)
        {
            this = FromBytes(ParseOrThrow(g, "g"));
        }

        public static Guid NewGuid()
        {
            if (s_random == null)
            {
                s_random = new Random();
            }

            byte[] bytes = new byte[16];
            s_random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC 4122 variant
            return new Guid(bytes);
        }

        public static Guid Parse(string input)
        {
            return FromBytes(ParseOrThrow(input, "input"));
        }

        public static bool TryParse(string input, out Guid result)
        {
            byte[] bytes = new byte[16];
            if ((object)input == null || ParseInto(input, bytes) != null)
            {
                result = Empty;
                return false;
            }

            result = FromBytes(bytes);
            return true;
        }

        public byte[] ToByteArray()
        {
            return new byte[]
            {
                (byte)_a, (byte)(_a >> 8), (byte)(_a >> 16), (byte)(_a >> 24), (byte)_b, (byte)(_b >> 8), (byte)_c, (byte)(_c >> 8),
                _d, _e, _f, _g, _h, _i, _j, _k,
            };
        }

        public override string ToString()
        {
            return ToString("D");
        }

        /// <summary>"D" (default) 8-4-4-4-12 hex digits, "N" without dashes, "B" in braces, "P" in parentheses, "X" as C hex fields.</summary>
        public string ToString(string format)
        {
            if (string.IsNullOrEmpty(format))
            {
                format = "D";
            }

            byte[] bytes = ToByteArray();
            switch (format)
            {
                case "N":
                case "n":
                    return Hex(bytes, false);
                case "D":
                case "d":
                    return Hex(bytes, true);
                case "B":
                case "b":
                    return string.Concat("{", Hex(bytes, true), "}");
                case "P":
                case "p":
                    return string.Concat("(", Hex(bytes, true), ")");
                case "X":
                case "x":
                    string text = string.Concat("{0x", Hex((uint)_a, 8), ",0x", Hex((ushort)_b, 4)) + string.Concat(",0x", Hex((ushort)_c, 4), ",{");
                    for (int i = 8; i < 16; i++)
                    {
                        text = string.Concat(text, i > 8 ? ",0x" : "0x", Hex(bytes[i], 2));
                    }

                    return text + "}}";
                default:
                    throw new FormatException("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
            }
        }

        public bool Equals(Guid g)
        {
            return _a == g._a && _b == g._b && _c == g._c && _d == g._d && _e == g._e && _f == g._f && _g == g._g &&
                   _h == g._h && _i == g._i && _j == g._j && _k == g._k;
        }

        public override bool Equals(object o)
        {
            return o is Guid && Equals((Guid)o);
        }

        /// <summary>.NET's: the four 32-bit words of the value XORed.</summary>
        public override int GetHashCode()
        {
            return _a ^ ((ushort)_b | (ushort)_c << 16) ^ (_d | _e << 8 | _f << 16 | _g << 24) ^ (_h | _i << 8 | _j << 16 | _k << 24);
        }

        /// <summary>Field by field, each unsigned, as .NET orders them.</summary>
        public int CompareTo(Guid value)
        {
            if (_a != value._a)
            {
                return (uint)_a < (uint)value._a ? -1 : 1;
            }

            if (_b != value._b)
            {
                return (ushort)_b < (ushort)value._b ? -1 : 1;
            }

            if (_c != value._c)
            {
                return (ushort)_c < (ushort)value._c ? -1 : 1;
            }

            byte[] mine = ToByteArray();
            byte[] other = value.ToByteArray();
            for (int i = 8; i < 16; i++)
            {
                if (mine[i] != other[i])
                {
                    return mine[i] < other[i] ? -1 : 1;
                }
            }

            return 0;
        }

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }

            if (!(value is Guid))
            {
                throw new ArgumentException("Object must be of type GUID.", "value");
            }

            return CompareTo((Guid)value);
        }

        public static bool operator ==(Guid a, Guid b)
        {
            return a.Equals(b);
        }

        public static bool operator !=(Guid a, Guid b)
        {
            return !a.Equals(b);
        }

        // ToByteArray's layout: the first three fields little-endian, then the eight bytes.
        private static Guid FromBytes(byte[] b)
        {
            return new Guid(b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24, (short)(b[4] | b[5] << 8), (short)(b[6] | b[7] << 8),
                            b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
        }

        private static byte[] ParseOrThrow(string input, string paramName)
        {
            if ((object)input == null)
            {
                throw ThrowHelper.Null(paramName);
            }

            byte[] bytes = new byte[16];
            string error = ParseInto(input, bytes);
            if ((object)error != null)
            {
                throw new FormatException(error);
            }

            return bytes;
        }

        // Fills bytes (ToByteArray's layout) from the text; returns .NET's message for what is wrong, or null.
        private static string ParseInto(string input, byte[] bytes)
        {
            string text = input.Trim();
            if (text.Length == 0)
            {
                return Unrecognized;
            }

            if (text.IndexOf('-') < 0)
            {
                if (text.Length != 32)
                {
                    return Unrecognized;
                }

                return HexInto(text, bytes) ? null : BadHex;
            }

            char first = text[0];
            if (first == '{' || first == '(')
            {
                if (text.Length != 38 || text[37] != (first == '{' ? '}' : ')'))
                {
                    return BadDashes;
                }

                text = text.Substring(1, 36);
            }

            if (text.Length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
            {
                return BadDashes;
            }

            string digits = string.Concat(text.Substring(0, 8), text.Substring(9, 4), text.Substring(14, 4)) +
                            string.Concat(text.Substring(19, 4), text.Substring(24, 12));
            return HexInto(digits, bytes) ? null : BadHex;
        }

        // 32 hex digits in display order into ToByteArray's layout (the first three fields reversed).
        private static bool HexInto(string digits, byte[] bytes)
        {
            for (int i = 0; i < 16; i++)
            {
                int high = HexValue(digits[2 * i]);
                int low = HexValue(digits[2 * i + 1]);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                bytes[s_displayOrder[i]] = (byte)(high << 4 | low);
            }

            return true;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        // The bytes in display order (the first three fields big-endian), lower-case, dashed like "D" or not.
        private static string Hex(byte[] bytes, bool dashes)
        {
            char[] chars = new char[dashes ? 36 : 32];
            int at = 0;
            for (int i = 0; i < 16; i++)
            {
                if (dashes && (i == 4 || i == 6 || i == 8 || i == 10))
                {
                    chars[at++] = '-';
                }

                int b = bytes[s_displayOrder[i]];
                chars[at++] = HexDigit(b >> 4);
                chars[at++] = HexDigit(b & 15);
            }

            return new string(chars);
        }

        private static string Hex(uint value, int digits)
        {
            char[] chars = new char[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                chars[i] = HexDigit((int)(value & 15));
                value >>= 4;
            }

            return new string(chars);
        }

        private static char HexDigit(int digit)
        {
            return (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
        }
    }
}
