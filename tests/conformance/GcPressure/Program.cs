// nfclr_sim: --ram 131072 --max-depth 256 --stack-slots 2048
using System;

namespace Conformance.GcPressure
{
    // One entry of the live structure: each field refers to the heap differently (string, int array, node).
    public class Node
    {
        public int Value;
        public string Label;
        public int[] Data;
        public Node Next;
    }

    // Allocates about 90 times the heap our runtime gets (the first line gives it 128 KiB of RAM, 65 KiB of
    // it heap) while 16 lists of 8 nodes stay alive; the checksums show that what survives is intact.
    public static class Program
    {
        private const int Buckets = 16;
        private const int Keep = 8;
        private const int Rounds = 20000;

        private static Node[] s_buckets = new Node[Buckets];

        public static void Main()
        {
            int checksum = 0;
            int[] three = new int[] { 1, 2, 3 };
            object[] pinned = new object[] { "first", three, new Node() };
            for (int i = 0; i < Rounds; i++)
            {
                // Garbage: dies at once.
                string text = "item " + i.ToString();
                int[] scratch = new int[24];
                Add(ref scratch[i % 24], text.Length);
                checksum = checksum * 31 + scratch[i % 24];

                // The live structure: a new node at the head of its bucket, the bucket's tail cut to Keep nodes.
                int b = i % Buckets;
                Node n = new Node();
                n.Label = text;
                n.Data = new int[4];
                n.Data[i % 4] = i;
                Add(ref n.Value, i);
                n.Next = s_buckets[b];
                s_buckets[b] = n;
                Trim(n, Keep);

                if (i % 4000 == 3999)
                {
                    Console.Write("round " + (i + 1).ToString() + ": checksum " + checksum.ToString());
                    Console.WriteLine(", live " + Live().ToString());
                }
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.SuppressFinalize(pinned);
            Console.WriteLine("after Collect: live " + Live().ToString());
            Console.WriteLine(GC.GetTotalMemory(true) > 0);
            Console.Write((string)pinned[0] + " " + three[2].ToString() + " ");
            Console.WriteLine(((Node)pinned[2]).Next == null);
            try
            {
                GC.SuppressFinalize(null);
            }
            catch (ArgumentNullException e)
            {
                Console.WriteLine(e.Message);
            }
        }

        private static void Add(ref int target, int value)
        {
            target = target + value;
        }

        private static void Trim(Node n, int keep)
        {
            for (int k = 1; k < keep && n.Next != null; k++)
            {
                n = n.Next;
            }

            n.Next = null;
        }

        // Sums every live node's value, label length and data: a checksum of the live structure.
        private static int Live()
        {
            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                for (Node n = s_buckets[b]; n != null; n = n.Next)
                {
                    sum = sum + n.Value + n.Label.Length + n.Data[n.Value % 4];
                }
            }

            return sum;
        }
    }
}
