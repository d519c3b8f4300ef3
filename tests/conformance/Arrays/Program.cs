using System;

namespace Conformance.Arrays
{
    public class Item
    {
        public int Id;

        public Item(int id)
        {
            Id = id;
        }

        public override string ToString()
        {
            return "Item " + Id.ToString();
        }
    }

    public enum Color
    {
        Red,
        Green,
        Blue,
    }

    public static class Program
    {
        static int[] s_table = new int[4];

        static void Main()
        {
            Ints(10);
            Kinds(5);
            Objects(4);
            Jagged(3);
            Errors(3);
            Console.WriteLine("done");
        }

        static void Ints(int n)
        {
            int[] squares = new int[n];
            for (int i = 0; i < squares.Length; i++)
            {
                squares[i] = i * i;
            }
            int sum = 0;
            for (int i = 0; i < squares.Length; i++)
            {
                sum += squares[i];
            }
            Console.WriteLine("len " + squares.Length.ToString() + " sum " + sum.ToString());
            int[] counts = new int[3];
            for (int i = 0; i < 20; i++)
            {
                counts[i % 3]++;
            }
            counts[1] += 100;
            Console.Write(counts[0].ToString() + " " + counts[1].ToString());
            Console.WriteLine(" " + counts[2].ToString());
            Bump(ref counts[2]);
            Console.WriteLine(counts[2].ToString() + " " + counts[2].ToString().Length.ToString());
            s_table[n % 4] = n;
            s_table[0] += 7;
            Console.WriteLine(s_table[0].ToString() + " " + s_table[2].ToString());
            Console.WriteLine(squares.ToString());
            int[] primes = { 2, 3, 5, 7, 11, 13 };
            string[] names = { "one", "two" };
            Console.Write(primes[5].ToString() + " " + primes.Length.ToString());
            Console.WriteLine(" " + names[1]);
        }

        static void Bump(ref int value)
        {
            value = value * 10;
        }

        static void Kinds(int n)
        {
            byte[] bytes = new byte[n];
            sbyte[] sbytes = new sbyte[n];
            short[] shorts = new short[n];
            ushort[] ushorts = new ushort[n];
            char[] chars = new char[n];
            bool[] bools = new bool[n];
            uint[] uints = new uint[n];
            long[] longs = new long[n];
            ulong[] ulongs = new ulong[n];
            float[] floats = new float[n];
            double[] doubles = new double[n];
            Color[] colors = new Color[n];
            for (int i = 0; i < n; i++)
            {
                bytes[i] = (byte)(i * 100);
                sbytes[i] = (sbyte)(i * -50);
                shorts[i] = (short)(i * 20000);
                ushorts[i] = (ushort)(i * 30000);
                chars[i] = (char)('a' + i);
                bools[i] = i % 2 == 1;
                uints[i] = (uint)(-i);
                longs[i] = (long)i << 50;
                ulongs[i] = ulong.MaxValue - (ulong)i;
                floats[i] = i / 3f;
                doubles[i] = i / 7.0;
                colors[i] = (Color)(i % 3);
            }
            for (int i = 0; i < n; i++)
            {
                Console.Write(bytes[i].ToString() + " " + sbytes[i].ToString() + " ");
                Console.Write(shorts[i].ToString() + " " + ushorts[i].ToString() + " ");
                Console.Write(((int)chars[i]).ToString() + " " + bools[i].ToString() + " ");
                Console.Write(uints[i].ToString() + " " + longs[i].ToString() + " ");
                Console.Write(ulongs[i].ToString() + " " + floats[i].ToString() + " ");
                Console.WriteLine(doubles[i].ToString() + " " + ((int)colors[i]).ToString());
            }
            bytes[0]--;
            floats[1] *= 3;
            Console.WriteLine(bytes[0].ToString() + " " + floats[1].ToString());
        }

        static void Objects(int n)
        {
            Item[] items = new Item[n];
            for (int i = 0; i < n; i++)
            {
                if (i != 2)
                {
                    items[i] = new Item(i * 11);
                }
            }
            for (int i = 0; i < items.Length; i++)
            {
                Console.WriteLine(items[i] == null ? "null" : items[i].ToString());
            }
            items[1].Id += 5;
            Console.WriteLine(items[1].Id.ToString());
            string[] words = new string[3];
            words[0] = "alpha";
            words[1] = "beta";
            words[2] = words[0] + words[1];
            Console.WriteLine(words[2] + " " + words.Length.ToString());
            object[] mixed = new object[2];
            mixed[0] = "text";
            mixed[1] = items[0];
            Console.WriteLine(mixed[0].ToString() + " " + mixed[1].ToString());
            Console.WriteLine(items.ToString() + " " + words.ToString());
        }

        static void Jagged(int n)
        {
            int[][] rows = new int[n][];
            for (int i = 0; i < n; i++)
            {
                rows[i] = new int[i + 1];
                for (int j = 0; j <= i; j++)
                {
                    rows[i][j] = i * 10 + j;
                }
            }
            for (int i = 0; i < n; i++)
            {
                string line = "";
                for (int j = 0; j < rows[i].Length; j++)
                {
                    line = line + rows[i][j].ToString() + " ";
                }
                Console.WriteLine(line);
            }
        }

        static void Errors(int n)
        {
            int[] empty = new int[0];
            Console.WriteLine("empty " + empty.Length.ToString());
            int[] none = null;
            Console.WriteLine((none == null).ToString());
        }
    }
}
