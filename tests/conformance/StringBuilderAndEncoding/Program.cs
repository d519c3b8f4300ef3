using System;
using System.Text;

// StringBuilder (appends of every kind, insert, remove, replace, length, capacity growth, indexer) and UTF-8
// (encoding, decoding, counts, invalid sequences replaced by U+FFFD); bad arguments print .NET's exception
// type and message.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("StringBuilderAndEncoding");
        Builder();
        Growth();
        for (int op = 0; op < 40; op++)
        {
            Check(op);
        }

        Utf8();
    }

    private static void Builder()
    {
        Console.WriteLine("-- StringBuilder");
        StringBuilder sb = new StringBuilder();
        sb.Append("text").Append(' ').Append(42).Append(' ').Append(-7L).Append(' ').Append(3.5).Append(' ');
        sb.Append(1.25f).Append(' ').Append(true).Append(' ').Append((byte)200).Append(' ').Append((short)-3);
        sb.Append(' ').Append(4000000000u).Append(' ').Append(18000000000000000000ul).Append(' ');
        sb.Append('=', 3).Append(new char[] { 'a', 'b', 'c' }).Append(new char[] { 'x', 'y', 'z' }, 1, 2);
        sb.Append("-window-", 1, 6).Append((object)null).Append((string)null).Append((object)"obj");
        Console.WriteLine(sb.ToString());
        Console.WriteLine(sb.Length);
        sb.Clear();
        Console.WriteLine("cleared [" + sb.ToString() + "] " + sb.Length.ToString());
        sb.AppendLine("line one").AppendLine().Append("end");
        Console.Write(sb.ToString());
        Console.WriteLine("|");
        StringBuilder edit = new StringBuilder("0123456789");
        edit.Insert(0, "<").Insert(11, ">").Insert(5, '_').Insert(3, 77);
        Console.WriteLine(edit.ToString());
        edit.Remove(1, 3);
        Console.WriteLine(edit.ToString());
        edit.Replace('5', 'f').Replace("67", "six-seven").Replace("none", "x");
        Console.WriteLine(edit.ToString());
        edit[0] = '[';
        Console.WriteLine(edit[0].ToString() + edit[edit.Length - 1].ToString());
        Console.WriteLine(edit.ToString(1, 4));
        edit.Length = 4;
        Console.WriteLine(edit.ToString());
        edit.Length = 6;
        Console.WriteLine(edit.ToString().Length.ToString() + " " + ((int)edit[5]).ToString());
        StringBuilder replaced = new StringBuilder("aaaa");
        replaced.Replace("aa", "b");
        Console.WriteLine(replaced.ToString());
    }

    private static void Growth()
    {
        Console.WriteLine("-- capacity");
        StringBuilder sb = new StringBuilder();
        string capacities = sb.Capacity.ToString();
        for (int i = 0; i < 40; i++)
        {
            sb.Append("abcdefg");
            capacities = capacities + "," + sb.Capacity.ToString();
        }

        Console.WriteLine(capacities);
        StringBuilder chars = new StringBuilder();
        capacities = "";
        for (int i = 0; i < 40; i++)
        {
            chars.Append('x');
            capacities = capacities + chars.Capacity.ToString() + ",";
        }

        Console.WriteLine(capacities);
        Console.WriteLine(new StringBuilder("hello").Capacity);
        Console.WriteLine(new StringBuilder("twenty characters!!!").Capacity);
        StringBuilder small = new StringBuilder(5);
        small.Append("abcdefghijkl");
        Console.WriteLine(small.Capacity);
        Console.WriteLine(new StringBuilder(0).Capacity);
        small.Capacity = 100;
        Console.WriteLine(small.Capacity.ToString() + " " + small.EnsureCapacity(50).ToString() + " " + small.EnsureCapacity(200).ToString());
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
        catch (ArgumentNullException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentNullException: " + e.Message);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentOutOfRangeException: " + e.Message);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentException: " + e.Message);
        }
        catch (IndexOutOfRangeException e)
        {
            Console.WriteLine(op.ToString() + ": IndexOutOfRangeException: " + e.Message);
        }
    }

    private static string Run(int op)
    {
        StringBuilder abc = new StringBuilder("abc");
        switch (op)
        {
            case 0: return new StringBuilder(-1).ToString();
            case 1: abc.Capacity = 2; return abc.ToString();
            case 2: return abc.Remove(-1, 1).ToString();
            case 3: return abc.Remove(1, -1).ToString();
            case 4: return abc.Remove(4, 0).ToString();
            case 5: return abc.Remove(2, 2).ToString();
            case 6: return abc.Insert(-1, "x").ToString();
            case 7: return abc.Insert(4, "x").ToString();
            case 8: abc[3] = 'x'; return abc.ToString();
            case 9: return abc[3].ToString();
            case 10: return abc[-1].ToString();
            case 11: return abc.ToString(2, 2);
            case 12: return abc.ToString(-1, 2);
            case 13: return abc.ToString(1, -2);
            case 14: return abc.Append("xyz", 2, 2).ToString();
            case 15: return abc.Append(new char[] { 'a' }, 0, 2).ToString();
            case 16: return abc.Replace("", "x").ToString();
            case 17: return abc.Replace(null, "x").ToString();
            case 18: return abc.Append('c', -1).ToString();
            case 19: abc.Length = -1; return abc.ToString();
            case 20: return abc.EnsureCapacity(-1).ToString();
            case 21: return abc.Append((string)null, 0, 1).ToString();
            case 22: return abc.Append((char[])null, 0, 0).ToString();
            case 23: return abc.Insert(1, (string)null).ToString();
            case 24: return Encoding.UTF8.GetString(null);
            case 25: return Encoding.UTF8.GetString(new byte[2], 1, 2);
            case 26: return Encoding.UTF8.GetString(new byte[2], -1, 1);
            case 27: return Encoding.UTF8.GetString(new byte[2], 0, -1);
            case 28: return Encoding.UTF8.GetBytes((string)null).Length.ToString();
            case 29: return Encoding.UTF8.GetBytes((char[])null).Length.ToString();
            case 30: return Encoding.UTF8.GetBytes(new char[] { 'a' }, 0, 1, new byte[0], 0).ToString();
            case 31: return Encoding.UTF8.GetBytes(new char[] { 'a' }, 0, 1, new byte[1], 2).ToString();
            case 32: return Encoding.UTF8.GetChars(new byte[] { 65 }, 0, 1, new char[0], 0).ToString();
            case 33: return Encoding.UTF8.GetByteCount((string)null).ToString();
            case 34: return Encoding.UTF8.GetChars(null).Length.ToString();
            case 35: return Encoding.UTF8.GetByteCount(new char[2], 1, 2).ToString();
            case 36: return Encoding.UTF8.GetCharCount(new byte[] { 0xC3 }).ToString();
            default: return null;
        }
    }

    private static string Hex(byte[] bytes)
    {
        string text = bytes.Length.ToString() + ":";
        for (int i = 0; i < bytes.Length; i++)
        {
            text = text + " " + ((int)bytes[i]).ToString();
        }

        return text;
    }

    private static string Units(string s)
    {
        string text = s.Length.ToString() + ":";
        for (int i = 0; i < s.Length; i++)
        {
            text = text + " " + ((int)s[i]).ToString();
        }

        return text;
    }

    // The metadata processor refuses literals with a lone surrogate (they have no UTF-8 form): build them.
    private static string Lone(string before, char surrogate, string after)
    {
        return before + new string(surrogate, 1) + after;
    }

    private static void Utf8()
    {
        Console.WriteLine("-- UTF-8");
        Encoding utf8 = Encoding.UTF8;
        string[] samples = { "", "ASCII text", "caf\u00e9 \u00fcber", "\u20ac100", "\u65e5\u672c\u8a9e", "\ud83d\ude00 smile", Lone("lone ", '\ud800', " high"), Lone("lone ", '\udc00', " low"), Lone("end ", '\ud83d', "") };
        for (int i = 0; i < samples.Length; i++)
        {
            byte[] bytes = utf8.GetBytes(samples[i]);
            Console.WriteLine(Hex(bytes) + " count " + utf8.GetByteCount(samples[i]).ToString());
            string back = utf8.GetString(bytes);
            Console.WriteLine(Units(back) + " same " + (back == samples[i]).ToString());
        }

        byte[][] invalid =
        {
            new byte[] { 0x41, 0x80, 0x42 },
            new byte[] { 0xC3 },
            new byte[] { 0xC3, 0x41 },
            new byte[] { 0xC0, 0xAF },
            new byte[] { 0xE0, 0x80, 0xAF },
            new byte[] { 0xE2, 0x82 },
            new byte[] { 0xE2, 0x82, 0x41 },
            new byte[] { 0xED, 0xA0, 0x80 },
            new byte[] { 0xF0, 0x9F, 0x98 },
            new byte[] { 0xF0, 0x9F, 0x98, 0x80 },
            new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0xF5, 0x80 },
            new byte[] { 0xFF, 0xFE, 0x41 },
            new byte[] { 0xF0, 0x80, 0x80, 0x80 },
            new byte[] { 0xE1, 0x80, 0xE1, 0x80, 0x80 },
        };
        for (int i = 0; i < invalid.Length; i++)
        {
            Console.WriteLine(Units(utf8.GetString(invalid[i])) + " chars " + utf8.GetCharCount(invalid[i]).ToString());
        }

        byte[] some = utf8.GetBytes("xx\u00e9yy");
        Console.WriteLine(Units(utf8.GetString(some, 2, 2)));
        Console.WriteLine(Units(utf8.GetString(some, 3, 1)));
        char[] chars = utf8.GetChars(some);
        Console.WriteLine(new string(chars));
        char[] target = new char[] { '.', '.', '.', '.', '.', '.', '.' };
        int written = utf8.GetChars(some, 0, some.Length, target, 1);
        Console.WriteLine(written.ToString() + " " + new string(target));
        byte[] output = new byte[8];
        written = utf8.GetBytes(new char[] { 'h', '\u00e9', '!' }, 0, 3, output, 2);
        Console.WriteLine(written.ToString() + " " + Hex(output));
        Console.WriteLine(Hex(utf8.GetBytes(new char[] { 'a', 'b', 'c', 'd' }, 1, 2)));
        Console.WriteLine(Hex(new UTF8Encoding(true).GetPreamble()) + " " + Hex(new UTF8Encoding().GetPreamble()) + " " + Hex(utf8.GetPreamble()));
    }
}
