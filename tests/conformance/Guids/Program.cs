using System;

// Guid: construction from fields, bytes and text, the "D", "N", "B", "P" and "X" forms, parsing with .NET's
// errors, equality, ordering and hash codes; NewGuid is checked for its version and variant bits and for
// uniqueness, never printed.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("Guids");
        Guid x = new Guid(0x01020304, 0x0506, 0x0708, 9, 10, 11, 12, 13, 14, 15, 16);
        Console.WriteLine(x.ToString());
        string[] formats = { "D", "d", "N", "n", "B", "b", "P", "p", "X", "x", "", null };
        for (int i = 0; i < formats.Length; i++)
        {
            Console.WriteLine((formats[i] ?? "null") + ": " + x.ToString(formats[i]));
        }

        Console.WriteLine(BitConverter.ToString(x.ToByteArray()));
        Console.WriteLine(new Guid(x.ToByteArray()).ToString() + " " + (new Guid(x.ToByteArray()) == x).ToString());
        Guid negative = new Guid(-1, -2, -3, 255, 254, 253, 252, 251, 250, 249, 248);
        Console.WriteLine(negative.ToString() + " " + negative.ToString("X") + " " + negative.GetHashCode().ToString());
        Console.WriteLine(Guid.Empty.ToString() + " " + Guid.Empty.GetHashCode().ToString() + " " + (new Guid() == Guid.Empty).ToString());
        Console.WriteLine(x.GetHashCode());

        string[] inputs =
        {
            "", "   ", "x", "0123456789abcdef0123456789ABCDEF", "01234567-89ab-cdef-0123-456789abcdef", "{01234567-89ab-cdef-0123-456789abcdef}",
            "(01234567-89AB-CDEF-0123-456789ABCDEF)", "01234567-89ab-cdef-0123-456789abcdeg", "01234567-89ab-cdef-0123-456789abcde",
            "01234567-89ab-cdef-0123-456789abcdef0", " 01234567-89ab-cdef-0123-456789abcdef\t", "{01234567-89ab-cdef-0123-456789abcdef",
            "0123456789abcdef0123456789ABCDEG", "01234567+89ab-cdef-0123-456789abcdef", "(01234567-89ab-cdef-0123-456789abcdef}",
        };
        for (int i = 0; i < inputs.Length; i++)
        {
            Guid parsed;
            bool ok = Guid.TryParse(inputs[i], out parsed);
            string line = "'" + inputs[i] + "': try " + ok.ToString() + " " + parsed.ToString();
            try
            {
                line = line + " parse " + Guid.Parse(inputs[i]).ToString() + " ctor " + new Guid(inputs[i]).ToString("N");
            }
            catch (FormatException e)
            {
                line = line + " FormatException: " + e.Message;
            }

            Console.WriteLine(line);
        }

        Guid a = Guid.Parse("00000001-0000-0000-0000-000000000000");
        Guid b = Guid.Parse("ffffffff-0000-0000-0000-000000000000");
        Guid c = Guid.Parse("00000001-0000-0000-0000-0000000000ff");
        Console.WriteLine(a.CompareTo(b).ToString() + " " + b.CompareTo(a).ToString() + " " + a.CompareTo(c).ToString() + " " + c.CompareTo(a).ToString() + " " +
                          a.CompareTo(a).ToString() + " " + a.CompareTo((object)null).ToString() + " " + negative.CompareTo(x).ToString());
        Console.WriteLine((a == b).ToString() + " " + (a != b).ToString() + " " + a.Equals(Guid.Parse(a.ToString())).ToString() + " " + a.Equals((object)a).ToString() + " " +
                          a.Equals((object)"a").ToString());

        Guid first = Guid.NewGuid();
        Guid second = Guid.NewGuid();
        byte[] bytes = first.ToByteArray();
        string text = first.ToString();
        Console.WriteLine("new: version " + (bytes[7] >> 4).ToString() + " variant " + (bytes[8] >> 6).ToString() + " distinct " + (first != second).ToString() +
                          " round trip " + (Guid.Parse(text) == first).ToString() + " length " + text.Length.ToString() + " nonzero " + (first != Guid.Empty).ToString());

        Errors();
    }

    private static void Errors()
    {
        for (int op = 0; op < 8; op++)
        {
            try
            {
                switch (op)
                {
                    case 0: Guid.Parse((string)null); break;
                    case 1: new Guid((string)null).ToString(); break;
                    case 2: new Guid(new byte[3]).ToString(); break;
                    case 3: new Guid((byte[])null).ToString(); break;
                    case 4: Guid.Empty.ToString("Q"); break;
                    case 5: Guid.Empty.CompareTo((object)1); break;
                    case 6: new Guid("zz").ToString(); break;
                    case 7: new DateTime(2024, 1, 1).ToString("Q"); break;
                }

                Console.WriteLine(op.ToString() + ": no exception");
            }
            catch (ArgumentNullException e)
            {
                Console.WriteLine(op.ToString() + ": ArgumentNullException: " + e.Message);
            }
            catch (ArgumentException e)
            {
                Console.WriteLine(op.ToString() + ": ArgumentException: " + e.Message);
            }
            catch (FormatException e)
            {
                Console.WriteLine(op.ToString() + ": FormatException: " + e.Message);
            }
        }
    }
}
