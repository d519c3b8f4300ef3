using System;
using nanoFramework.McuMgr;
using nanoFramework.McuMgr.Cbor;

// The SMP server on our runtime: request frames (echo, parameters, bootloader and OS info, date-time, slot
// info, storage erase, upgrade checks, image erase, a small upload in chunks, test, confirm, an unknown group, a
// truncated frame, bad version and body, an echo split across two datagrams, a serial-framed echo, reset) through
// SmpServer over an in-memory device; every answer printed as hex, to match .NET byte for byte.
internal static class Program
{
    public const string Version = "1.2.3";
    const int Payload = 200;
    const int Chunk = 64;

    private static void Main()
    {
        Console.WriteLine("SmpServer");
        MemorySlots slots = new MemorySlots();
        MemoryServices services = new MemoryServices();
        SmpServer server = new SmpServer(slots, services, 512);

        Send(server, "echo", "0a00000a00000100a1616466646576696365");
        Send(server, "parameters", "0800000100000206a0");
        Send(server, "state read, no body", "0000000000010300");
        Send(server, "bootloader mode", "0800000d00000408bf657175657279646d6f6465ff");
        Send(server, "bootloader", "0800000100000508a0");
        Send(server, "active b0 slot", BodyFrame(0x08, 0, 8, "query", "active_b0_slot"));
        Send(server, "os info a", BodyFrame(0x08, 0, 7, "format", "a"));
        Send(server, "datetime write", BodyFrame(0x0a, 0, 4, "datetime", "2025-11-24T12:30:00.250000+0230"));
        Send(server, "datetime read", "0800000100000604a0");
        Send(server, "datetime bad", BodyFrame(0x0a, 0, 4, "datetime", "2025-02-29T00:00:00"));
        Send(server, "slot info", "0800000100010706a0");
        Send(server, "storage erase", "0a000001003f0800a0");

        byte[] image = Image();
        byte[] sha = Sha256.Hash(image, image.Length);
        Send(server, "upgrade, same version", UpgradeChunk(image, 0));
        Send(server, "upgrade, newer", UpgradeChunk(image, 1));
        Send(server, "image erase", "0a00000100011105a0");
        for (int off = 0; off < image.Length; off += Chunk)
            Send(server, "upload " + off, UploadChunk(image, off, sha));
        Send(server, "resent chunk", UploadChunk(image, Chunk, sha));
        Send(server, "state read", "0800000100011000a0");
        Send(server, "test", StateWrite(HashTlv(image)));
        Send(server, "confirm, null hash", "0200001000010800a26468617368f667636f6e6669726df5");
        Send(server, "unknown group 66", "0800000100420900a0");
        Send(server, "truncated", "0a00002000000a00a16164");
        Send(server, "version 2", "1000000100000b06a0");
        Send(server, "body is an array", "0800000100000c0080");
        Send(server, "two requests", "0800000100000d06a00800000100000e08a0");

        DatagramTransport datagrams = new DatagramTransport();
        byte[] echo = Hex("0a00000a00001200a1616466646576696365");
        datagrams.Queue(echo, 0, 5);
        datagrams.Queue(echo, 5, echo.Length - 5);
        byte[] datagram = new byte[datagrams.MaxReceive];
        while (server.Poll(datagrams, datagram, 0)) { }

        StreamTransport serial = new StreamTransport();
        byte[] receive = new byte[serial.MaxReceive];
        serial.Feed(Concat(Ascii("console text\n"), Hex("0609"), Ascii("ABMCAAAJAABCAKFhZGVoZWxsb8EJ\n")));
        server.Poll(serial, receive, 0);
        byte[] reset = Hex("0a00000100000f05a0");
        serial.Feed(new nanoFramework.McuMgr.Transport.SerialEncoder().Encode(reset, 0, reset.Length));
        Console.WriteLine("resets before: " + services.Resets);
        server.Poll(serial, receive, 0);
        Console.WriteLine("resets after: " + services.Resets);
    }

    static void Send(SmpServer server, string what, string hex) { Send(server, what, Hex(hex)); }

    static void Send(SmpServer server, string what, byte[] request)
    {
        byte[] answer = server.Handle(request);
        Print(what, answer, 0, answer.Length);
    }

    public static void Print(string what, byte[] bytes, int offset, int count)
    {
        const string digits = "0123456789abcdef";
        char[] text = new char[count * 2];
        for (int i = 0; i < count; i++)
        {
            text[2 * i] = digits[bytes[offset + i] >> 4];
            text[2 * i + 1] = digits[bytes[offset + i] & 15];
        }
        Console.WriteLine(what + ": " + new string(text));
    }

    /// <summary>A small MCUboot image: 32-byte header (version 1.2.3), payload, SHA-256 TLV.</summary>
    static byte[] Image()
    {
        byte[] b = new byte[32 + Payload + 4 + 36];
        uint magic = Smp.ImageMagic;
        for (int i = 0; i < 4; i++)
            b[i] = (byte)(magic >> (8 * i));
        b[8] = 32;
        b[12] = Payload;
        b[20] = 1;
        b[21] = 2;
        b[22] = 3;
        for (int i = 0; i < Payload; i++)
            b[32 + i] = (byte)(i * 13 + 7);
        int info = 32 + Payload;
        b[info] = 0x07; b[info + 1] = 0x69; b[info + 2] = 40;
        b[info + 4] = 0x10; b[info + 6] = 32;
        byte[] hash = Sha256.Hash(b, info);
        Bytes.Copy(hash, 0, b, info + 8, 32);
        return b;
    }

    public static int Covered(byte[] image) { return 32 + Payload; }

    public static byte[] HashTlv(byte[] image)
    {
        byte[] hash = new byte[32];
        Bytes.Copy(image, 32 + Payload + 8, hash, 0, 32);
        return hash;
    }

    static byte[] UploadChunk(byte[] image, int off, byte[] sha)
    {
        int count = image.Length - off < Chunk ? image.Length - off : Chunk;
        byte[] buffer = new byte[200];
        CborWriter w = new CborWriter(buffer, 8, buffer.Length - 8);
        w.BeginMap(off == 0 ? 4 : 2);
        w.WriteText("data");
        w.WriteBytes(image, off, count);
        w.WriteEntry("off", off);
        if (off == 0)
        {
            w.WriteEntry("len", image.Length);
            w.WriteText("sha");
            w.WriteBytes(sha);
        }
        return Frame(buffer, w.Length, 0x02, 1, 0x20 + off / Chunk, 1);
    }

    /// <summary>A first upload chunk with "upgrade": true and the version 1.minor.0 (the running image is 1.0.0).</summary>
    static byte[] UpgradeChunk(byte[] image, int minor)
    {
        byte[] copy = new byte[image.Length];
        Bytes.Copy(image, 0, copy, 0, image.Length);
        copy[21] = (byte)minor;
        copy[22] = 0;
        byte[] buffer = new byte[200];
        CborWriter w = new CborWriter(buffer, 8, buffer.Length - 8);
        w.BeginMap(4);
        w.WriteText("data");
        w.WriteBytes(copy, 0, Chunk);
        w.WriteEntry("off", 0);
        w.WriteEntry("len", copy.Length);
        w.WriteText("upgrade");
        w.WriteBool(true);
        return Frame(buffer, w.Length, 0x0a, 1, 0x40 + minor, 1);
    }

    static byte[] BodyFrame(int byte0, int group, int cmd, string key, string value)
    {
        byte[] buffer = new byte[100];
        CborWriter w = new CborWriter(buffer, 8, buffer.Length - 8);
        w.BeginMap(1);
        w.WriteText(key);
        w.WriteText(value);
        return Frame(buffer, w.Length, byte0, group, 0x50 + cmd, cmd);
    }

    static byte[] StateWrite(byte[] hash)
    {
        byte[] buffer = new byte[64];
        CborWriter w = new CborWriter(buffer, 8, buffer.Length - 8);
        w.BeginMap(-1);
        w.WriteText("hash");
        w.WriteBytes(hash);
        w.WriteText("confirm");
        w.WriteBool(false);
        w.WriteBreak();
        return Frame(buffer, w.Length, 0x0a, 1, 0x30, 0);
    }

    static byte[] Frame(byte[] buffer, int length, int byte0, int group, int seq, int cmd)
    {
        byte[] frame = new byte[8 + length];
        Bytes.Copy(buffer, 8, frame, 8, length);
        frame[0] = (byte)byte0;
        frame[2] = (byte)(length >> 8);
        frame[3] = (byte)length;
        frame[5] = (byte)group;
        frame[6] = (byte)seq;
        frame[7] = (byte)cmd;
        return frame;
    }

    static byte[] Hex(string hex)
    {
        byte[] b = new byte[hex.Length / 2];
        for (int i = 0; i < b.Length; i++)
            b[i] = (byte)(Nibble(hex[2 * i]) << 4 | Nibble(hex[2 * i + 1]));
        return b;
    }

    static int Nibble(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

    static byte[] Ascii(string s)
    {
        byte[] b = new byte[s.Length];
        for (int i = 0; i < s.Length; i++)
            b[i] = (byte)s[i];
        return b;
    }

    static byte[] Concat(byte[] a, byte[] b, byte[] c)
    {
        byte[] all = new byte[a.Length + b.Length + c.Length];
        Bytes.Copy(a, 0, all, 0, a.Length);
        Bytes.Copy(b, 0, all, a.Length, b.Length);
        Bytes.Copy(c, 0, all, a.Length + b.Length, c.Length);
        return all;
    }

    public static byte[] Filled(int count, byte value)
    {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++)
            b[i] = value;
        return b;
    }

    public static bool Same(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i])
                return false;
        return true;
    }
}
