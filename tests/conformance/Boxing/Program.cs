using System;

namespace Conformance.Boxing
{
    public enum Level
    {
        Low = 1,
        High = 5,
    }

    public class Holder
    {
        public object Value;
    }

    public static class Program
    {
        static object s_boxed = 7L;

        static void Line(string a, string b, string c)
        {
            Console.Write(a + " " + b);
            Console.WriteLine(" " + c);
        }

        static void Main()
        {
            Primitives(42, 2.5);
            Mixed();
            Enums(Level.High);
            Console.WriteLine("done");
        }

        static void Primitives(int i, double d)
        {
            object oi = i;
            object od = d;
            object ob = i > 40;
            object oc = (byte)(i * 10);
            int back = (int)oi;
            double dback = (double)od;
            Line(oi.ToString(), od.ToString(), ob.ToString());
            Line((back + 1).ToString(), (dback * 2).ToString(), oc.ToString());
            Line((oi is int).ToString(), (oi is long).ToString(), (od is double).ToString());
            Console.WriteLine(((long)s_boxed * 6).ToString() + " " + s_boxed.ToString());
            object n = null;
            Console.WriteLine((n is int).ToString() + " " + (oi is string).ToString());
            oi = i + 1;
            Console.WriteLine(oi.ToString() + " " + back.ToString());
        }

        static void Mixed()
        {
            object[] items = new object[5];
            items[0] = 1;
            items[1] = "two";
            items[2] = 3.5f;
            items[3] = -4L;
            items[4] = new Holder();
            for (int k = 0; k < items.Length; k++)
            {
                object item = items[k];
                string kind = item is int ? "int" : item is string ? "string" : item is float ? "float" : item is long ? "long" : "other";
                Console.WriteLine(kind + " " + item.ToString());
            }
            Holder h = new Holder();
            h.Value = 99u;
            Console.WriteLine(((uint)h.Value + 1u).ToString() + " " + h.Value.ToString());
        }

        static void Enums(Level level)
        {
            object boxed = level;
            Level back = (Level)boxed;
            Line(((int)back).ToString(), (boxed is Level).ToString(), (back == Level.High).ToString());
            int raw = (int)(Level)boxed;
            Console.WriteLine((raw * 2).ToString());
        }
    }
}
