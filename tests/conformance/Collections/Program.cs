using System;
using System.Collections;

// System.Collections: ArrayList, Queue, Stack and Hashtable through their classes and their interfaces,
// foreach, enumerators and their errors, .NET's exception messages (empty Queue/Stack, bad indexes,
// duplicate or null keys, changes during enumeration), DictionaryEntry, and IDisposable with `using`.
// Hashtable order differs between implementations (.NET's bucket layout), so entries are printed sorted.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("Collections");
        Lists();
        Queues();
        Stacks();
        Tables();
        Disposal();
        for (int op = 0; op < 40; op++)
        {
            Check(op);
        }
    }

    private static string Show(IEnumerable items)
    {
        string text = "";
        foreach (object item in items)
        {
            text = text + "<" + (item == null ? "null" : item.ToString()) + ">";
        }

        return text;
    }

    // Arrays are not IEnumerable on the device yet: walk them by index.
    private static string ShowArray(object[] items)
    {
        ArrayList list = new ArrayList();
        for (int i = 0; i < items.Length; i++)
        {
            list.Add(items[i]);
        }

        return Show(list);
    }

    private static void Lists()
    {
        Console.WriteLine("-- ArrayList");
        ArrayList list = new ArrayList();
        string capacities = list.Capacity.ToString();
        for (int i = 0; i < 10; i++)
        {
            list.Add(i * i);
            capacities = capacities + "," + list.Capacity.ToString();
        }

        Console.WriteLine(capacities);
        Console.WriteLine(Show(list) + " count " + list.Count.ToString());
        list.Insert(0, "first");
        list.Insert(list.Count, "last");
        list.Insert(3, null);
        list.Remove(16);
        list.Remove("absent");
        list.RemoveAt(1);
        Console.WriteLine(Show(list));
        Console.WriteLine(list.IndexOf(25).ToString() + " " + list.IndexOf("last").ToString() + " " + list.IndexOf(null).ToString() + " " +
                          list.IndexOf(99).ToString() + " " + list.Contains(81).ToString() + " " + list.LastIndexOf(49).ToString());
        list[0] = "replaced";
        Console.WriteLine(list[0].ToString() + " " + list[list.Count - 1].ToString());
        list.RemoveRange(1, 3);
        Console.WriteLine(Show(list));
        Console.WriteLine(Show(list.GetRange(2, 3)));
        list.Reverse();
        Console.WriteLine(Show(list));
        object[] array = list.ToArray();
        Console.WriteLine(array.Length.ToString() + " " + array[0].ToString());
        ArrayList copy = (ArrayList)list.Clone();
        copy.Clear();
        Console.WriteLine(copy.Count.ToString() + " " + list.Count.ToString());
        ArrayList more = new ArrayList(list);
        more.AddRange(new ArrayList(list));
        more.InsertRange(1, more.GetRange(0, 2));
        Console.WriteLine(Show(more));
        string[] names = new string[4];
        ArrayList words = new ArrayList();
        words.Add("a");
        words.Add("b");
        words.CopyTo(names, 1);
        Console.WriteLine((names[0] == null).ToString() + names[1] + names[2]);
        IList asList = words;
        asList.Add("c");
        Console.WriteLine(asList.Count.ToString() + " " + asList[2].ToString() + " " + asList.IsReadOnly.ToString() + " " + asList.IsFixedSize.ToString());
        ICollection asCollection = words;
        Console.WriteLine(asCollection.Count.ToString() + " " + asCollection.IsSynchronized.ToString() + " " + (asCollection.SyncRoot == words).ToString());
        IEnumerator e = words.GetEnumerator();
        while (e.MoveNext())
        {
            Console.Write(e.Current.ToString());
        }

        e.Reset();
        e.MoveNext();
        Console.WriteLine(" again " + e.Current.ToString());
        words.Capacity = 3;
        Console.WriteLine(words.Capacity);
    }

    private static void Queues()
    {
        Console.WriteLine("-- Queue");
        Queue queue = new Queue(2);
        for (int i = 1; i <= 5; i++)
        {
            queue.Enqueue(i);
        }

        Console.WriteLine(queue.Dequeue().ToString() + " " + queue.Dequeue().ToString() + " " + queue.Peek().ToString() + " " + queue.Count.ToString());
        for (int i = 6; i <= 9; i++)
        {
            queue.Enqueue(i);
        }

        Console.WriteLine(Show(queue) + " " + queue.Contains(9).ToString() + " " + queue.Contains(1).ToString());
        object[] items = queue.ToArray();
        Console.WriteLine(items.Length.ToString() + " " + items[0].ToString() + " " + items[items.Length - 1].ToString());
        object[] target = new object[10];
        queue.CopyTo(target, 2);
        Console.WriteLine(ShowArray(target));
        while (queue.Count > 0)
        {
            Console.Write(queue.Dequeue().ToString());
        }

        Console.WriteLine();
        queue.Enqueue(null);
        queue.Clear();
        Console.WriteLine(queue.Count);
    }

    private static void Stacks()
    {
        Console.WriteLine("-- Stack");
        Stack stack = new Stack();
        for (int i = 1; i <= 12; i++)
        {
            stack.Push("s" + i.ToString());
        }

        Console.WriteLine(stack.Pop().ToString() + " " + stack.Peek().ToString() + " " + stack.Count.ToString());
        Console.WriteLine(Show(stack));
        object[] items = stack.ToArray();
        Console.WriteLine(items[0].ToString() + " " + items[items.Length - 1].ToString() + " " + stack.Contains("s3").ToString() + " " + stack.Contains("s12").ToString());
        object[] target = new object[12];
        stack.CopyTo(target, 1);
        Console.WriteLine(ShowArray(target));
        stack.Clear();
        Console.WriteLine(stack.Count);
    }

    private static void Tables()
    {
        Console.WriteLine("-- Hashtable");
        Hashtable table = new Hashtable();
        for (int i = 0; i < 40; i++)
        {
            table.Add(i, "v" + i.ToString());
        }

        table["name"] = "device";
        table["name"] = "board";
        table[7] = "seven";
        table.Remove(8);
        table.Remove("absent");
        Console.WriteLine(table.Count.ToString() + " " + table[7].ToString() + " " + table["name"].ToString() + " " + (table[8] == null).ToString() + " " +
                          table.ContainsKey(39).ToString() + " " + table.Contains(40).ToString() + " " + table.ContainsValue("v9").ToString() + " " + table.ContainsValue("v8").ToString());
        int keySum = 0;
        int entries = 0;
        foreach (DictionaryEntry entry in table)
        {
            entries++;
            if (entry.Key is int)
            {
                keySum += (int)entry.Key;
                if (!table[entry.Key].Equals(entry.Value))
                {
                    Console.WriteLine("mismatch");
                }
            }
        }

        Console.WriteLine(entries.ToString() + " entries, key sum " + keySum.ToString());
        IDictionaryEnumerator e = table.GetEnumerator();
        int seen = 0;
        while (e.MoveNext())
        {
            if (e.Key.Equals(e.Entry.Key) && e.Value == e.Entry.Value)
            {
                seen++;
            }
        }

        Console.WriteLine(seen);
        Console.WriteLine(Sorted(table.Keys).Substring(0, 20) + " " + table.Values.Count.ToString());
        Hashtable words = new Hashtable();
        words.Add("one", 1);
        words.Add("two", 2);
        words.Add("three", 3);
        Console.WriteLine(Sorted(words.Values) + " " + ((int)words["two"]).ToString());
        Hashtable clone = (Hashtable)words.Clone();
        clone.Clear();
        Console.WriteLine(clone.Count.ToString() + " " + words.Count.ToString());
        IDictionary dictionary = words;
        dictionary.Add("four", 4);
        Console.WriteLine(dictionary.Count.ToString() + " " + dictionary["four"].ToString() + " " + dictionary.Contains("one").ToString());
        object[] target = new object[4];
        words.CopyTo(target, 0);
        int total = 0;
        for (int i = 0; i < target.Length; i++)
        {
            total += (int)((DictionaryEntry)target[i]).Value;
        }

        Console.WriteLine(total);
        DictionaryEntry pair = new DictionaryEntry("k", 5);
        pair.Value = 6;
        Console.WriteLine(pair.ToString() + " " + new DictionaryEntry(null, null).ToString());
    }

    // Integers ascending, then the rest: an insertion sort of the numbers' text.
    private static string Sorted(ICollection items)
    {
        int[] numbers = new int[items.Count];
        int count = 0;
        foreach (object item in items)
        {
            if (item is int)
            {
                int value = (int)item;
                int i = count++;
                while (i > 0 && numbers[i - 1] > value)
                {
                    numbers[i] = numbers[i - 1];
                    i--;
                }

                numbers[i] = value;
            }
        }

        string text = "";
        for (int i = 0; i < count; i++)
        {
            text = text + numbers[i].ToString() + ",";
        }

        return text;
    }

    private sealed class Resource : IDisposable
    {
        private readonly string _name;

        public Resource(string name)
        {
            _name = name;
            Console.WriteLine("open " + name);
        }

        public void Dispose()
        {
            Console.WriteLine("dispose " + _name);
        }
    }

    private static void Disposal()
    {
        Console.WriteLine("-- IDisposable");
        using (Resource outer = new Resource("outer"))
        {
            using (new Resource("inner"))
            {
                Console.WriteLine("body");
            }
        }

        try
        {
            using (new Resource("failing"))
            {
                throw new InvalidOperationException("thrown in using");
            }
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("caught " + e.Message);
        }

        IDisposable disposable = new Resource("as interface");
        disposable.Dispose();
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
        catch (InvalidOperationException e)
        {
            Console.WriteLine(op.ToString() + ": InvalidOperationException: " + e.Message);
        }
    }

    private static string Run(int op)
    {
        ArrayList one = new ArrayList();
        one.Add(1);
        Queue queue = new Queue();
        queue.Enqueue(1);
        Stack stack = new Stack();
        stack.Push(1);
        Hashtable table = new Hashtable();
        table.Add("a", 1);
        table.Add(2, 2);
        switch (op)
        {
            case 0: return new ArrayList(-1).Count.ToString();
            case 1: return one[1].ToString();
            case 2: one[-1] = 0; return "set";
            case 3: one.Insert(2, 0); return "inserted";
            case 4: one.RemoveAt(1); return "removed";
            case 5: one.Capacity = 0; return "capacity";
            case 6: one.RemoveRange(0, 2); return "removed";
            case 7: one.RemoveRange(-1, 1); return "removed";
            case 8: return one.GetRange(0, 2).Count.ToString();
            case 9: return one.GetEnumerator().Current.ToString();
            case 10:
                IEnumerator finished = one.GetEnumerator();
                finished.MoveNext();
                finished.MoveNext();
                return finished.Current.ToString();
            case 11:
                foreach (object item in one)
                {
                    one.Add(item);
                }

                return "added";
            case 12: one.CopyTo(new object[0], 0); return "copied";
            case 13: one.CopyTo(null); return "copied";
            case 14: one.AddRange(null); return "added";
            case 15: return one.IndexOf(1, 2).ToString();
            case 16: return new Queue().Dequeue().ToString();
            case 17: return new Queue().Peek().ToString();
            case 18: return new Stack().Pop().ToString();
            case 19: return new Stack().Peek().ToString();
            case 20: return queue.GetEnumerator().Current.ToString();
            case 21:
                foreach (object item in queue)
                {
                    queue.Enqueue(item);
                }

                return "enqueued";
            case 22:
                foreach (object item in stack)
                {
                    stack.Push(item);
                }

                return "pushed";
            case 23: return new Queue(-1).Count.ToString();
            case 24: return new Stack(-1).Count.ToString();
            case 25: table.Add("a", 2); return "added";
            case 26: table.Add(2, 3); return "added";
            case 27: table.Add(null, 1); return "added";
            case 28: return (table[null] == null).ToString();
            case 29: table[null] = 1; return "set";
            case 30: return table.ContainsKey(null).ToString();
            case 31: table.Remove(null); return "removed";
            case 32: return table.GetEnumerator().Key.ToString();
            case 33: return ((IEnumerable)table).GetEnumerator().Current.ToString();
            case 34:
                IDictionaryEnumerator done = table.GetEnumerator();
                while (done.MoveNext())
                {
                }

                return done.Value.ToString();
            case 35:
                foreach (DictionaryEntry entry in table)
                {
                    table.Add("new", entry.Value);
                }

                return "added";
            case 36: return new Hashtable(-1).Count.ToString();
            case 37: return stack.GetEnumerator().Current.ToString();
            case 38: one.Insert(-1, 0); return "inserted";
            case 39: new Queue().CopyTo(null, 0); return "copied";
            default: return null;
        }
    }
}
