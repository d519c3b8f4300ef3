using System;

// Strings: literals, concatenation, equality, Length, the indexer (printed as code units), IsNullOrEmpty
// and a switch on strings. Values built at run time are compared with literals, so equality is by content.
internal static class Program
{
    private static string s_greeting = "Hello";

    private static void Main()
    {
        Console.WriteLine("Strings");

        Console.WriteLine("-- literals");
        Console.WriteLine("plain ASCII text");
        Console.WriteLine("tab\tand \"quotes\" and back\\slash");
        Console.WriteLine("");
        Console.WriteLine(string.Empty);
        Console.Write("no newline, ");
        Console.Write("then one");
        Console.WriteLine();

        Console.WriteLine("-- concatenation");
        string world = World();
        Console.WriteLine(s_greeting + ", " + world);
        Console.WriteLine(s_greeting + world);
        Console.WriteLine(Join3("a", "b", "c"));
        Console.WriteLine(Join4("a", "b", "c", "d"));
        Console.WriteLine(Join4("a", "b", "c", "d") + Join2("e", "f"));
        Console.WriteLine(Join3(null, "x", null));
        Console.WriteLine(Join3("", "", "") + "|");
        Console.Write("length of null + null = ");
        Console.WriteLine(Join2(null, null).Length);
        string built = "";
        for (int i = 0; i < 10; i++)
        {
            built = built + Digit(i);
        }

        Console.WriteLine(built);
        string doubled = "ab";
        for (int i = 0; i < 5; i++)
        {
            doubled = doubled + doubled;
        }

        Console.Write("doubled five times: length ");
        Console.WriteLine(doubled.Length);

        Console.WriteLine("-- equality");
        Equality("abc", Join2("ab", "c"));
        Equality("abc", "abd");
        Equality("abc", "ab");
        Equality("", Join2(null, null));
        Equality(null, null);
        Equality(null, "");
        Equality("Hello", s_greeting);
        Console.Write("\"abc\".Equals(\"abc\" built) = ");
        Console.WriteLine("abc".Equals(Join2("a", "bc")));
        Console.Write("string.Equals(\"x\", null) = ");
        Console.WriteLine(string.Equals("x", null));

        Console.WriteLine("-- Length and indexer");
        Characters("hello");
        Characters("");
        Characters("A z~");
        Characters("caf\u00e9");
        Characters("\u20ac100");
        Characters("\U0001F600!");
        Console.Write("count of 'l' in \"hello world\" = ");
        Console.WriteLine(Count("hello world", 'l'));
        Console.Write("index of 'w' in \"hello world\" = ");
        Console.WriteLine(IndexOf("hello world", 'w'));
        Console.Write("index of 'z' in \"hello world\" = ");
        Console.WriteLine(IndexOf("hello world", 'z'));

        Console.WriteLine("-- IsNullOrEmpty");
        Console.Write("null: ");
        Console.WriteLine(string.IsNullOrEmpty(null));
        Console.Write("empty: ");
        Console.WriteLine(string.IsNullOrEmpty(""));
        Console.Write("string.Empty: ");
        Console.WriteLine(string.IsNullOrEmpty(string.Empty));
        Console.Write("\" \": ");
        Console.WriteLine(string.IsNullOrEmpty(" "));
        Console.Write("built empty: ");
        Console.WriteLine(string.IsNullOrEmpty(Join2("", "")));

        Console.WriteLine("-- switch on strings");
        Command("start");
        Command("stop");
        Command("status");
        Command(Join2("st", "op"));
        Command("START");
        Command("");
        Command(null);
    }

    private static string World()
    {
        return "world";
    }

    private static string Join2(string a, string b)
    {
        return a + b;
    }

    private static string Join3(string a, string b, string c)
    {
        return a + b + c;
    }

    private static string Join4(string a, string b, string c, string d)
    {
        return a + b + c + d;
    }

    private static string Digit(int d)
    {
        switch (d)
        {
            case 0: return "0";
            case 1: return "1";
            case 2: return "2";
            case 3: return "3";
            case 4: return "4";
            case 5: return "5";
            case 6: return "6";
            case 7: return "7";
            case 8: return "8";
            default: return "9";
        }
    }

    private static void Equality(string a, string b)
    {
        Console.Write(Quote(a));
        Console.Write(" vs ");
        Console.Write(Quote(b));
        Console.Write(": == ");
        Console.Write(a == b);
        Console.Write(", != ");
        Console.Write(a != b);
        Console.Write(", string.Equals ");
        Console.WriteLine(string.Equals(a, b));
    }

    private static string Quote(string s)
    {
        if ((object)s == null)
        {
            return "null";
        }

        return "\"" + s + "\"";
    }

    // Non-ASCII text is shown by its UTF-16 code units so the output does not depend on console encodings.
    private static void Characters(string s)
    {
        Console.Write("length ");
        Console.Write(s.Length);
        Console.Write(":");
        for (int i = 0; i < s.Length; i++)
        {
            Console.Write(" ");
            Console.Write((int)s[i]);
        }

        Console.WriteLine();
    }

    private static int Count(string s, char c)
    {
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == c)
            {
                count++;
            }
        }

        return count;
    }

    private static int IndexOf(string s, char c)
    {
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] == c)
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static void Command(string command)
    {
        string reply;
        switch (command)
        {
            case "start":
                reply = "starting";
                break;
            case "stop":
                reply = "stopping";
                break;
            case "status":
                reply = "all good";
                break;
            case "":
                reply = "empty command";
                break;
            default:
                reply = "unknown";
                break;
        }

        Console.Write(Quote(command));
        Console.Write(" -> ");
        Console.WriteLine(reply);
    }
}
