using System;
using nanoFramework.McuMgr;
using nanoFramework.McuMgr.Transport;

// bench/smp/run.sh: the first upload chunk opens a session for an image longer than all chunks; then N
// chunks of 512 bytes (N = 0 in the baseline build) go through SmpServer.Handle, or (SERIAL) as mcumgr serial
// frames through Poll over a stream transport; the frames are encoded before, in both builds. The device does
// no flash work, so the difference is the server's own: framing, frame and CBOR parsing, session checks, the
// answer.
class Program
{
    public const int N = 200;
#if CHUNKS
    const int Chunks = N;
#else
    const int Chunks = 0;
#endif
    const int Size = 512;

    static void Main()
    {
        SmpServer server = new SmpServer(new NoFlash(), new NoServices());
        byte[] frame = ChunkFrame();
        SetOffset(frame, 0);
        int first = server.Handle(frame).Length; // opens the session (its first chunk carries "len")
        frame = ChunkFrame();
        int answered = 0;
#if SERIAL
        SerialEncoder encoder = new SerialEncoder();
        byte[][] framed = new byte[N][];
        for (int i = 0; i < N; i++)
        {
            SetOffset(frame, (i + 1) * Size);
            framed[i] = encoder.Encode(frame, 0, frame.Length);
        }
        Stream stream = new Stream();
        byte[] receive = new byte[stream.MaxReceive];
        for (int i = 0; i < Chunks; i++)
        {
            stream.Next = framed[i];
            server.Poll(stream, receive, 0);
        }
        answered = stream.Sent;
#else
        for (int i = 1; i <= Chunks; i++)
        {
            SetOffset(frame, i * Size);
            answered += server.Handle(frame).Length;
        }
#endif
        Console.WriteLine(first + " " + answered);
    }

    // {"data": h'…'(512), "off": u32, "len": u32} with the offset at a fixed place (4-byte form) to patch.
    static byte[] ChunkFrame()
    {
        int body = 1 + 5 + 3 + Size + 4 + 5 + 4 + 5;
        byte[] f = new byte[8 + body];
        f[0] = 0x0a; f[2] = (byte)(body >> 8); f[3] = (byte)body; f[5] = 1; f[7] = 1;
        int at = 8;
        f[at++] = 0xa3;
        at = Text(f, at, "data");
        f[at++] = 0x59; f[at++] = Size >> 8; f[at++] = Size & 0xff;
        f[at] = 0x3d; f[at + 1] = 0xb8; f[at + 2] = 0xf3; f[at + 3] = 0x96; // image magic, for the first chunk
        at += Size;
        at = Text(f, at, "len");
        f[at++] = 0x1a; f[at++] = 0x01; f[at++] = 0; f[at++] = 0; f[at++] = 0; // 16 MiB: never completes
        at = Text(f, at, "off");
        f[at] = 0x1a;
        return f;
    }

    static int Text(byte[] f, int at, string s)
    {
        f[at++] = (byte)(0x60 | s.Length);
        for (int i = 0; i < s.Length; i++)
            f[at++] = (byte)s[i];
        return at;
    }

    static void SetOffset(byte[] f, int off)
    {
        int at = f.Length - 4;
        f[at] = (byte)(off >> 24); f[at + 1] = (byte)(off >> 16); f[at + 2] = (byte)(off >> 8); f[at + 3] = (byte)off;
    }
}

class NoFlash : IImageSlots
{
    public SlotState[] Read() { return new SlotState[0]; }
    public int SetPending(int image, bool permanent) { return 0; }
    public int ConfirmRunning() { return 0; }
    public int MaxImageSize(int image) { return 0x2000000; }
    public int UploadBegin(int image, int length) { return 0; }
    public int UploadWrite(int offset, byte[] data, int dataOffset, int count) { return 0; }
    public UploadVerdict UploadFinish() { return new UploadVerdict(); }
    public int EraseUpload() { return 0; }
}

class NoServices : IDeviceServices
{
    public void Reset() { }
    public int BootloaderMode { get { return 3; } }
    public bool NoDowngrade { get { return false; } }
    public int ActiveB0Slot { get { return -1; } }
    public string AppInfo(char field) { return ""; }
    public long UtcTicks { get; set; }
    public int EraseStorage() { return 0; }
}

/// <summary>A byte stream that delivers one prepared frame per receive and counts what was sent.</summary>
class Stream : ISmpTransport
{
    public byte[] Next;
    public int Sent;
    public bool IsStream { get { return true; } }
    public int MaxReceive { get { return 1024; } }

    public int Receive(byte[] buffer, int timeoutMs)
    {
        byte[] next = Next;
        Next = null;
        if (next == null)
            return 0;
        Bytes.Copy(next, 0, buffer, 0, next.Length);
        return next.Length;
    }

    public void Send(byte[] buffer, int offset, int count) { Sent += count; }
}
