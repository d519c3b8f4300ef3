using System;
using System.Collections;

namespace Conformance.ArraysAsCollections
{
    public enum Color
    {
        Red,
        Green,
        Blue,
    }

    public struct Point
    {
        public int X;
        public int Y;

        public Point(int x, int y)
        {
            X = x;
            Y = y;
        }

        public override string ToString()
        {
            return "(" + X + ", " + Y + ")";
        }
    }

    public class Program
    {
        private static void Try(string name, Action action)
        {
            try
            {
                action();
                Console.WriteLine(name + ": ok");
            }
            catch (Exception e)
            {
                Console.WriteLine(name + ": " + e.GetType().FullName + ": " + e.Message);
            }
        }

        private static void Print(string name, IEnumerable items)
        {
            string text = name + ":";
            foreach (object item in items)
            {
                text += " " + (item == null ? "null" : item.ToString());
            }

            Console.WriteLine(text);
        }

        private static int Sum(IList list)
        {
            int sum = 0;
            for (int i = 0; i < list.Count; i++)
            {
                sum += (int)list[i];
            }

            return sum;
        }

        private static object Hide(object o)
        {
            return o;
        }

        public static void Main()
        {
            int[] numbers = { 3, 1, 4, 1, 5 };
            string[] words = { "one", null, "three" };
            Point[] points = { new Point(1, 2), new Point(3, 4) };
            Color[] colors = { Color.Blue, Color.Red };
            byte[] bytes = { 1, 255 };
            double[] doubles = { 0.5, -2 };
            char[] chars = { 'a', 'z' };

            // foreach through IEnumerable, object, IList.
            Print("ints", numbers);
            Print("strings", words);
            Print("points", points);
            foreach (object color in (IEnumerable)Hide(colors))
            {
                Console.WriteLine("color " + (int)(Color)color);
            }

            Print("bytes", bytes);
            Print("doubles", doubles);
            Print("chars", chars);
            Print("empty", new long[0]);
            Print("nested", new int[][] { new int[1], new int[2] });

            // Type tests and casts on arrays.
            object o = Hide(numbers);
            Console.WriteLine("is IList " + (o is IList) + ", ICollection " + (o is ICollection) + ", IEnumerable " + (o is IEnumerable) + ", Array " + (o is Array));
            Console.WriteLine("as IList null? " + ((o as IList) == null) + ", string as IList null? " + ((Hide("x") as IList) == null));
            IList list = (IList)o;
            ICollection collection = (ICollection)Hide(words);
            IEnumerable enumerable = (IEnumerable)Hide(points);
            Console.WriteLine("sum " + Sum(list) + ", count " + list.Count + " " + collection.Count + ", enumerable null? " + (enumerable == null));
            Console.WriteLine("fixed " + list.IsFixedSize + ", read-only " + list.IsReadOnly + ", synchronized " + collection.IsSynchronized + ", root is array " + (collection.SyncRoot == (object)words));
            Console.WriteLine("typeof(IList).IsAssignableFrom(int[]) " + typeof(IList).IsAssignableFrom(typeof(int[])) + ", ICollection " + typeof(ICollection).IsAssignableFrom(typeof(string[])) + ", IEnumerable " + typeof(IEnumerable).IsAssignableFrom(typeof(Point[])));
            Console.WriteLine("IList.IsInstanceOfType " + typeof(IList).IsInstanceOfType(numbers));

            // IList members.
            Console.WriteLine("contains 4 " + list.Contains(4) + ", contains 9 " + list.Contains(9) + ", contains \"4\" " + list.Contains("4"));
            Console.WriteLine("index of 1 " + list.IndexOf(1) + ", of 7 " + list.IndexOf(7));
            IList wordList = words;
            Console.WriteLine("words: index of null " + wordList.IndexOf(null) + ", of three " + wordList.IndexOf("three") + ", contains one " + wordList.Contains("one"));
            IList pointList = points;
            Console.WriteLine("points: index of (3, 4) " + pointList.IndexOf(new Point(3, 4)) + ", contains (4, 3) " + pointList.Contains(new Point(4, 3)));
            list[0] = 30;
            Console.WriteLine("after list[0] = 30: " + numbers[0] + ", list[0] " + list[0]);
            pointList[1] = new Point(7, 8);
            Point copy = (Point)pointList[1];
            copy.X = 100;
            Console.WriteLine("points[1] " + points[1] + ", copy " + copy);
            IList colorList = colors;
            colorList[1] = Color.Green;
            Console.WriteLine("colors[1] " + (int)colors[1] + ", boxed " + (int)(Color)colorList[1] + ", is Color " + (colorList[1] is Color));
            Try("add", () => list.Add(1));
            Try("insert", () => list.Insert(0, 1));
            Try("remove", () => list.Remove(1));
            Try("remove at", () => list.RemoveAt(0));
            Try("get past the end", () => Console.WriteLine(list[5].ToString()));
            Try("set negative", () => list[-1] = 1);
            Try("set a string into int[]", () => list[0] = "x");
            Try("set a long into int[]", () => list[0] = 5L);
            Try("set an int into string[]", () => wordList[0] = 5);
            Try("set a point into int[]", () => list[0] = new Point(1, 1));
            Try("set null into int[]", () => list[1] = null);
            Try("set a byte into int[]", () => list[2] = (byte)200);
            Try("set a char into double[]", () => ((IList)doubles)[0] = 'A');
            Try("set an int into float[]", () => ((IList)new float[1])[0] = 16777217);
            Try("set a uint into long[]", () => ((IList)new long[1])[0] = uint.MaxValue);
            Try("set a bool into int[]", () => list[2] = true);
            Try("set a double into float[]", () => ((IList)new float[1])[0] = 1.5);
            Console.WriteLine("doubles[0] " + doubles[0] + ", numbers[2] " + numbers[2]);
            Console.WriteLine("numbers[1] " + numbers[1]);

            // CopyTo and Clear.
            int[] target = new int[7];
            list.CopyTo(target, 2);
            Print("copied", target);
            object[] boxes = new object[5];
            numbers.CopyTo(boxes, 0);
            Print("boxed copy", boxes);
            Try("copy too long", () => list.CopyTo(new int[4], 0));
            Try("copy to null", () => list.CopyTo(null, 0));
            Try("copy to negative", () => list.CopyTo(new int[9], -1));
            Try("copy to string[]", () => list.CopyTo(new string[9], 0));
            Try("copy strings to int[]", () => wordList.CopyTo(new int[9], 0));
            long[] longs = new long[5];
            Array.Copy(new int[] { -1, 2 }, longs, 2);
            Array.Copy(new byte[] { 255 }, 0, longs, 2, 1);
            Print("widened", longs);
            Try("copy long[] to int[]", () => Array.Copy(longs, new int[5], 5));
            Try("copy int[] to Point[]", () => Array.Copy(new int[1], points, 1));
            object[] mixed = { "a", 1 };
            Try("copy mixed to string[]", () => Array.Copy(mixed, new string[2], 2));
            string[] moreWords = new string[3];
            Array.Copy(new object[] { "x", "y" }, 0, moreWords, 1, 2);
            Print("object[] to string[]", moreWords);
            int[] overlap = { 1, 2, 3, 4, 5 };
            Array.Copy(overlap, 0, overlap, 1, 4);
            Print("overlap right", overlap);
            Array.Copy(overlap, 1, overlap, 0, 4);
            Print("overlap left", overlap);
            list.Clear();
            Print("cleared", numbers);
            pointList.Clear();
            Print("cleared points", points);
            Array.Clear(words, 0, 2);
            Print("cleared words", words);
            Try("clear out of range", () => Array.Clear(words, 2, 2));

            // Array's own members.
            Array array = new int[] { 5, 6, 7, 6 };
            Console.WriteLine("length " + array.Length + ", rank " + array.Rank + ", GetValue(2) " + array.GetValue(2));
            array.SetValue(9, 0);
            Console.WriteLine("IndexOf 6 " + Array.IndexOf(array, 6) + ", LastIndexOf 6 " + Array.LastIndexOf(array, 6) + ", IndexOf 6 from 2 " + Array.IndexOf(array, 6, 2, 2));
            Array.Reverse(array);
            Print("reversed", array);
            Try("IndexOf null array", () => Array.IndexOf(null, 1));
            Try("Copy negative length", () => Array.Copy(array, array, -1));
            Try("Copy source too short", () => Array.Copy(array, 2, new int[9], 0, 3));

            // The enumerator.
            IEnumerator e = ((IEnumerable)Hide(chars)).GetEnumerator();
            Try("current before MoveNext", () => Console.WriteLine(e.Current.ToString()));
            while (e.MoveNext())
            {
                Console.WriteLine("current " + e.Current);
            }

            Try("current after the end", () => Console.WriteLine(e.Current.ToString()));
            e.Reset();
            Console.WriteLine("after reset " + e.MoveNext() + " " + e.Current);
        }
    }
}
