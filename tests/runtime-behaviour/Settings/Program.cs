using System;
using nanoFramework.Hardware.Nrf;

// The settings store from C#: run twice on the same flash file, the boot counter goes on from the first run.
class Program
{
    static void Main()
    {
        SettingsStore store = SettingsStore.Default;
        int boots = store.GetInt32("app/boots", 0);
        Console.WriteLine(boots);
        store.SetInt32("app/boots", boots + 1);

        store.Set("app/name", new byte[] { 1, 2, 3 });
        byte[] name = store.Get("app/name");
        Console.WriteLine(name.Length);
        Console.WriteLine(name[2]);
        Console.WriteLine(store.Contains("app/name"));
        Console.WriteLine(store.Get("app/missing") == null);
        store.SetString("app/label", "Küche");
        Console.WriteLine(store.GetString("app/label"));
        store.Delete("app/label");
        store.Set("bt/keys/1", new byte[] { 9 });
        Console.WriteLine(store.GetKeys("app").Length);
        Console.WriteLine(store.GetKeys("bt")[0]);
        Console.WriteLine(store.GetKeys(null).Length);
        store.Delete("app/name");
        Console.WriteLine(store.Contains("app/name"));
        store.Delete("app/name");

        // Fill the partition: a clear error, and every value written before it is kept.
        byte[] big = new byte[1000];
        int written = 0;
        try
        {
            for (int i = 0; i < 1000; i++)
            {
                big[0] = (byte)i;
                store.Set("fill/" + i.ToString(), big);
                written++;
            }
        }
        catch (SettingsException e)
        {
            Console.WriteLine(e.Message);
        }

        Console.WriteLine(written > 10);
        Console.WriteLine(store.Get("fill/7")[0]);
        Console.WriteLine(store.GetKeys("fill").Length == written);
        for (int i = 0; i < written; i++)
            store.Delete("fill/" + i.ToString());
        Console.WriteLine(store.GetKeys("fill").Length);

        try
        {
            store.Set("", new byte[] { 1 });
        }
        catch (SettingsException e)
        {
            Console.WriteLine(e.Message);
        }

        try
        {
            store.Set("app/empty", new byte[0]);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(e.Message);
        }
    }
}
