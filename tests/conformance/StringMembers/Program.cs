using System;

// String members: searching, cutting, trimming, case, replacing, padding, splitting, joining, comparing,
// the char[] and (char, count) constructors, and Char's classification; bad arguments print .NET's
// exception type and message.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("StringMembers");
        Console.WriteLine("-- search");
        for (int op = 0; op < 40; op++)
        {
            Check(op);
        }

        Console.WriteLine("-- transform");
        for (int op = 100; op < 150; op++)
        {
            Check(op);
        }

        Console.WriteLine("-- split, join, concat");
        for (int op = 200; op < 240; op++)
        {
            Check(op);
        }

        Console.WriteLine("-- compare");
        for (int op = 300; op < 320; op++)
        {
            Check(op);
        }

        Console.WriteLine("-- constructors");
        for (int op = 400; op < 415; op++)
        {
            Check(op);
        }

        Console.WriteLine("-- errors");
        for (int op = 500; op < 560; op++)
        {
            Check(op);
        }

        Chars();
    }

    private static void Check(int op)
    {
        try
        {
            string result = Run(op);
            if ((object)result != null)
            {
                Console.WriteLine(op.ToString() + ": [" + result + "]");
            }
        }
        catch (Exception e)
        {
            Console.WriteLine(op.ToString() + ": " + Describe(e) + ": " + e.Message);
        }
    }

    private static string Describe(Exception e)
    {
        if (e is ArgumentNullException)
        {
            return "ArgumentNullException";
        }

        if (e is ArgumentOutOfRangeException)
        {
            return "ArgumentOutOfRangeException";
        }

        if (e is ArgumentException)
        {
            return "ArgumentException";
        }

        if (e is NullReferenceException)
        {
            return "NullReferenceException";
        }

        if (e is IndexOutOfRangeException)
        {
            return "IndexOutOfRangeException";
        }

        return "Exception";
    }

    private static string Words(string[] words)
    {
        string text = words.Length.ToString() + ":";
        for (int i = 0; i < words.Length; i++)
        {
            text = text + "<" + words[i] + ">";
        }

        return text;
    }

    private static string Chars(char[] chars)
    {
        return chars.Length.ToString() + ":" + new string(chars);
    }

    // Returns null when the case does not exist (the loops run over a few unused numbers).
    private static string Run(int op)
    {
        string s = "hello, world";
        string e = "";
        switch (op)
        {
            case 0: return s.IndexOf('o').ToString();
            case 1: return s.IndexOf('o', 5).ToString();
            case 2: return s.IndexOf('o', 5, 3).ToString();
            case 3: return s.IndexOf('z').ToString();
            case 4: return s.IndexOf("wor").ToString();
            case 5: return s.IndexOf("").ToString();
            case 6: return s.IndexOf("o", 9).ToString();
            case 7: return s.IndexOf("ld", 2, 10).ToString();
            case 8: return s.IndexOf("ld", 2, 9).ToString();
            case 9: return s.LastIndexOf('o').ToString();
            case 10: return s.LastIndexOf('o', 7).ToString();
            case 11: return s.LastIndexOf('o', 7, 3).ToString();
            case 12: return s.LastIndexOf("o").ToString();
            case 13: return s.LastIndexOf("hello").ToString();
            case 14: return s.LastIndexOf("").ToString();
            case 15: return s.LastIndexOf("o", 5).ToString();
            case 16: return s.LastIndexOf("l", 11, 2).ToString();
            case 17: return e.LastIndexOf("").ToString();
            case 18: return e.LastIndexOf('x').ToString();
            case 19: return s.IndexOfAny(new char[] { 'w', ',' }).ToString();
            case 20: return s.IndexOfAny(new char[] { 'w', 'd' }, 8).ToString();
            case 21: return s.LastIndexOfAny(new char[] { 'l', 'h' }).ToString();
            case 22: return s.Contains("lo, w").ToString();
            case 23: return s.Contains("low").ToString();
            case 24: return s.Contains('!').ToString();
            case 25: return s.StartsWith("hell").ToString();
            case 26: return s.StartsWith("").ToString();
            case 27: return s.StartsWith('h').ToString();
            case 28: return s.EndsWith("world").ToString();
            case 29: return s.EndsWith("hello, world!").ToString();
            case 30: return e.EndsWith('d').ToString();
            case 31: return s.LastIndexOf("l", 12).ToString();
            case 32: return s.IndexOf('d', 12).ToString();
            case 33: return s.LastIndexOf('h', 0).ToString();
            case 34: return "aaa".IndexOf("aa", 1).ToString();
            case 35: return "aaa".LastIndexOf("aa").ToString();

            case 100: return s.Substring(7);
            case 101: return s.Substring(0, 5);
            case 102: return s.Substring(12);
            case 103: return s.Substring(3, 0);
            case 104: return "  \t padded \n ".Trim();
            case 105: return "  \t padded \n ".TrimStart();
            case 106: return "  \t padded \n ".TrimEnd();
            case 107: return "xxhixyx".Trim('x');
            case 108: return "xxhixyx".Trim(new char[] { 'x', 'y' });
            case 109: return "xxhixyx".TrimStart('x');
            case 110: return "xxhixyx".TrimEnd(new char[] { 'x', 'y' });
            case 111: return "\u00a0\u2003nbsp\u3000".Trim();
            case 112: return "   ".Trim();
            case 113: return "Hello, World! \u00e9\u00c9\u00df\u00ff\u00b5".ToUpper();
            case 114: return "Hello, World! \u00e9\u00c9\u00df\u00ff\u00b5".ToLower();
            case 115: return "MiXeD 123".ToUpperInvariant() + "MiXeD 123".ToLowerInvariant();
            case 116: return s.Replace('l', 'L');
            case 117: return s.Replace("l", "");
            case 118: return s.Replace("o", "0o0");
            case 119: return s.Replace("world", null);
            case 120: return s.Replace("xyz", "abc");
            case 121: return "aaaa".Replace("aa", "b");
            case 122: return s.Insert(5, "!!!");
            case 123: return s.Insert(0, "> ");
            case 124: return s.Insert(12, " <");
            case 125: return s.Remove(5);
            case 126: return s.Remove(5, 2);
            case 127: return s.Remove(12);
            case 128: return "7".PadLeft(4);
            case 129: return "7".PadLeft(4, '0');
            case 130: return "7".PadRight(4, '.') + "|";
            case 131: return "long".PadLeft(2);
            case 132: return Chars(s.ToCharArray());
            case 133: return Chars(s.ToCharArray(7, 5));
            case 134: return Chars(e.ToCharArray());
            case 135:
                char[] target = new char[] { '-', '-', '-', '-', '-', '-' };
                s.CopyTo(7, target, 1, 4);
                return new string(target);
            case 136: return string.IsNullOrWhiteSpace(" \t\n").ToString() + string.IsNullOrWhiteSpace(null).ToString() + string.IsNullOrWhiteSpace(" x ").ToString();
            case 137: return string.IsNullOrEmpty("").ToString() + string.IsNullOrEmpty("a").ToString();

            case 200: return Words(s.Split(','));
            case 201: return Words(s.Split(new char[] { ',', ' ', 'o' }));
            case 202: return Words("a,,b,".Split(','));
            case 203: return Words("a,,b,".Split(',', StringSplitOptions.RemoveEmptyEntries));
            case 204: return Words("a, b ,, c ".Split(',', StringSplitOptions.TrimEntries));
            case 205: return Words("a, b ,, c ".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            case 206: return Words("a,b,c,d".Split(new char[] { ',' }, 2));
            case 207: return Words("a,b,c,d".Split(new char[] { ',' }, 1));
            case 208: return Words("a,b,c,d".Split(new char[] { ',' }, 0));
            case 209: return Words(",,a,,b,,c".Split(new char[] { ',' }, 2, StringSplitOptions.RemoveEmptyEntries));
            case 210: return Words("one two\tthree\nfour".Split());
            case 211: return Words("one  two".Split(null));
            case 212: return Words("".Split(','));
            case 213: return Words("".Split(',', StringSplitOptions.RemoveEmptyEntries));
            case 214: return Words("no separators".Split(';'));
            case 215: return string.Join(", ", new string[] { "a", "b", "c" });
            case 216: return string.Join("", new string[] { "a", null, "c" });
            case 217: return string.Join("-", new string[] { "x", "y", "z", "w" }, 1, 2);
            case 218: return string.Join(null, new string[] { "x", "y" });
            case 219: return string.Join(",", new string[0]);
            case 220: return string.Join('/', "usr", "local", "bin");
            case 221: return string.Join("+", new object[] { 1, "two", null, 3.5 });
            case 222: return string.Concat("a", "b", "c", "d", "e");
            case 223: return string.Concat(new string[] { "x", null, "z" });
            case 224: return string.Concat(1, 2);
            case 225: return string.Concat((object)null);
            case 226: return string.Concat(new object[] { 'c', true, 7L });
            case 227: return "1" + "2" + "3" + "4" + "5" + "6" + s;
            case 228: return Words("a;b,c;d".Split(new char[] { ';', ',' }, 3));
            case 229: return Words("a b".Split(' ', 5));

            case 300: return string.Compare("apple", "banana").ToString();
            case 301: return string.Compare("b", "a").ToString();
            case 302: return string.Compare("abc", "abc").ToString();
            case 303: return string.Compare("abc", "ab").ToString();
            case 304: return string.Compare("a", "abcd").ToString();
            case 305: return string.Compare(null, "a").ToString();
            case 306: return string.Compare("a", null).ToString();
            case 307: return string.Compare(null, null).ToString();
            case 308: return string.CompareOrdinal("a", "B").ToString();
            case 309: return string.CompareOrdinal("\u00e9", "e").ToString();
            case 310: return "abc".CompareTo("abd").ToString();
            case 311: return "abc".CompareTo((object)null).ToString();
            case 312: return "abc".CompareTo((object)"abc").ToString();
            case 313: return "Z".CompareTo("a").ToString();
            case 314: return (string.Compare("a", "A") > 0).ToString();

            case 400: return new string(new char[] { 'c', 'h', 'a', 'r', 's' });
            case 401: return new string(new char[] { 'c', 'h', 'a', 'r', 's' }, 1, 3);
            case 402: return new string('*', 5);
            case 403: return new string('*', 0) + "|";
            case 404: return new string((char[])null) + "|";
            case 405: return new string(new char[0]) + "|";
            case 406: return new string(new char[] { 'x' }, 1, 0) + "|";

            case 500: return s.Substring(-1);
            case 501: return s.Substring(13);
            case 502: return s.Substring(2, 11);
            case 503: return s.Substring(2, -1);
            case 504: return s.Substring(-1, 2);
            case 505: return s.Substring(13, 0);
            case 506: return s.IndexOf('l', 13).ToString();
            case 507: return s.IndexOf('l', 2, 11).ToString();
            case 508: return s.IndexOf('l', -1).ToString();
            case 509: return s.IndexOf((string)null).ToString();
            case 510: return s.LastIndexOf('l', 12).ToString();
            case 511: return s.LastIndexOf('l', 3, 5).ToString();
            case 512: return s.LastIndexOf("l", 13).ToString();
            case 513: return s.LastIndexOf("l", 5, 7).ToString();
            case 514: return s.Insert(13, "x");
            case 515: return s.Insert(1, null);
            case 516: return s.Remove(13);
            case 517: return s.Remove(-1);
            case 518: return s.Remove(10, 3);
            case 519: return s.Remove(2, -1);
            case 520: return s.PadLeft(-1);
            case 521: return s.PadRight(-2, 'x');
            case 522: return new string('a', -1);
            case 523: return new string(new char[3], 1, 3);
            case 524: return new string((char[])null, 0, 1);
            case 525: return new string(new char[3], -1, 1);
            case 526: return new string(new char[3], 0, -1);
            case 527: return s.Replace("", "x");
            case 528: return s.Replace(null, "x");
            case 529: return string.Join(",", (string[])null);
            case 530: return Words(s.Split(new char[] { 'l' }, -1));
            case 531: return Chars(s.ToCharArray(2, 11));
            case 532: return Chars(s.ToCharArray(-1, 1));
            case 533: return s.StartsWith((string)null).ToString();
            case 534: return s.EndsWith((string)null).ToString();
            case 535: return s.Contains((string)null).ToString();
            case 536: return s.IndexOfAny(null).ToString();
            case 537: return string.Concat((string[])null);
            case 538: return "abc".CompareTo((object)5).ToString();
            case 539: return string.Join(",", new string[] { "a" }, 1, 1);
            case 540: return string.Join(",", new string[] { "a" }, -1, 1);
            case 541: return s[12].ToString();
            case 542: return s[-1].ToString();
            case 543: return NullString().Length.ToString();
            case 544: return NullString().Trim();
            case 545: s.CopyTo(0, null, 0, 1); return "copied";
            case 546: s.CopyTo(10, new char[5], 0, 3); return "copied";
            case 547: s.CopyTo(0, new char[5], 3, 3); return "copied";
            case 548: return s.LastIndexOf("l", -1).ToString();
            case 549: return e.LastIndexOf("x", -1).ToString();
            case 550: return s.IndexOf("l", 13).ToString();
            case 551: return s.IndexOf("l", 1, 12).ToString();
            default: return null;
        }
    }

    private static string NullString()
    {
        return null;
    }

    private static void Chars()
    {
        Console.WriteLine("-- char");
        string sample = "aZ09 _\t\n\u00aa\u00b5\u00ba\u00c0\u00d7\u00df\u00e9\u00f7\u00ff\u00a0\u0085\u2028!\u00bf";
        for (int i = 0; i < sample.Length; i++)
        {
            char c = sample[i];
            Console.WriteLine(((int)c).ToString() + " digit " + char.IsDigit(c).ToString() + " letter " +
                              char.IsLetter(c).ToString() + " letterOrDigit " + char.IsLetterOrDigit(c).ToString() +
                              " space " + char.IsWhiteSpace(c).ToString() + " upper " + char.IsUpper(c).ToString() +
                              " lower " + char.IsLower(c).ToString() + " toUpper " + ((int)char.ToUpper(c)).ToString() +
                              " toLower " + ((int)char.ToLower(c)).ToString());
        }

        int letters = 0;
        int digits = 0;
        int spaces = 0;
        int uppers = 0;
        int lowers = 0;
        int changed = 0;
        for (int code = 0; code < 256; code++)
        {
            char c = (char)code;
            letters += char.IsLetter(c) ? 1 : 0;
            digits += char.IsDigit(c) ? 1 : 0;
            spaces += char.IsWhiteSpace(c) ? 1 : 0;
            uppers += char.IsUpper(c) ? 1 : 0;
            lowers += char.IsLower(c) ? 1 : 0;
            changed += char.ToUpper(c) != c || char.ToLower(c) != c ? 1 : 0;
        }

        Console.WriteLine("Latin-1: letters " + letters.ToString() + ", digits " + digits.ToString() + ", spaces " +
                          spaces.ToString() + ", upper " + uppers.ToString() + ", lower " + lowers.ToString() +
                          ", case-mapped " + changed.ToString());
        Console.WriteLine("x".ToString() + 'y'.ToString() + char.ToString('z'));
        Console.Write('<');
        Console.Write('\u00e9');
        Console.WriteLine('>');
        Console.WriteLine(char.IsSurrogate('\ud800').ToString() + char.IsHighSurrogate('\udc00').ToString() +
                          char.IsLowSurrogate('\udc00').ToString());
    }
}
