using nanoFramework.McuMgr;

// The device of the program, in memory: a running image and one upload slot, with MCUboot's pending/permanent
// flags of the upload slot, and a transport that feeds stream bytes and prints what the server sends.
internal sealed class MemorySlots : IImageSlots
{
    public static readonly byte[] RunningHash = Program.Filled(32, 0x11);
    byte[] _upload;
    int _length;
    bool _complete, _pending, _permanent, _runningConfirmed = true;

    public SlotState[] Read()
    {
        SlotState running = new SlotState();
        running.Version = "1.0.0";
        running.Hash = RunningHash;
        running.Bootable = true;
        running.Active = true;
        running.Confirmed = _runningConfirmed;
        if (!_complete)
            return new SlotState[] { running };
        SlotState uploaded = new SlotState();
        uploaded.Slot = 1;
        uploaded.Version = Program.Version;
        uploaded.Hash = Program.HashTlv(_upload);
        uploaded.Bootable = true;
        uploaded.Pending = _pending;
        uploaded.Permanent = _permanent;
        return new SlotState[] { running, uploaded };
    }

    public int SetPending(int image, bool permanent)
    {
        if (!_pending)
            _permanent = permanent;
        _pending = true;
        return 0;
    }

    public int ConfirmRunning()
    {
        _runningConfirmed = true;
        return 0;
    }

    public int MaxImageSize(int image) { return image == 0 || image == 3 ? 4096 : 0; }

    public int UploadBegin(int image, int length)
    {
        if (_pending)
            return ImageError.NoFreeSlot;
        _upload = Program.Filled(length, 0xff);
        _length = length;
        _complete = false;
        return 0;
    }

    public int UploadWrite(int offset, byte[] data, int dataOffset, int count)
    {
        Bytes.Copy(data, dataOffset, _upload, offset, count);
        return 0;
    }

    public UploadVerdict UploadFinish()
    {
        UploadVerdict verdict = new UploadVerdict();
        verdict.Sha256 = Sha256.Hash(_upload, _length);
        byte[] tlv = Program.HashTlv(_upload);
        byte[] actual = Sha256.Hash(_upload, Program.Covered(_upload));
        _complete = Program.Same(tlv, actual);
        if (!_complete)
        {
            verdict.Error = ImageError.InvalidImageHeader;
            verdict.Reason = "image hash TLV does not match the image";
        }
        return verdict;
    }

    public int EraseUpload()
    {
        if (_pending)
            return ImageError.NoFreeSlot;
        _complete = false;
        return 0;
    }
}

internal sealed class MemoryServices : IDeviceServices
{
    public int Resets;
    public void Reset() { Resets++; }
    public int BootloaderMode { get { return 3; } }
    public bool NoDowngrade { get { return true; } }
    public int ActiveB0Slot { get { return 0; } }
    public string AppInfo(char field) { return field == 's' ? "Zephyr" : "nanoFramework"; }
    public long UtcTicks { get; set; }
    public int EraseStorage() { return 0; }
}

internal sealed class StreamTransport : ISmpTransport
{
    byte[] _pending;

    public void Feed(byte[] bytes) { _pending = bytes; }
    public bool IsStream { get { return true; } }
    public int MaxReceive { get { return 512; } }

    public int Receive(byte[] buffer, int timeoutMs)
    {
        if (_pending == null)
            return 0;
        byte[] bytes = _pending;
        _pending = null;
        Bytes.Copy(bytes, 0, buffer, 0, bytes.Length);
        return bytes.Length;
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        Program.Print("serial answer", buffer, offset, count);
    }
}

internal sealed class DatagramTransport : ISmpTransport
{
    readonly System.Collections.Queue _datagrams = new System.Collections.Queue();

    public void Queue(byte[] bytes, int offset, int count)
    {
        byte[] part = new byte[count];
        Bytes.Copy(bytes, offset, part, 0, count);
        _datagrams.Enqueue(part);
    }

    public bool IsStream { get { return false; } }
    public int MaxReceive { get { return 512; } }

    public int Receive(byte[] buffer, int timeoutMs)
    {
        if (_datagrams.Count == 0)
            return 0;
        byte[] part = (byte[])_datagrams.Dequeue();
        Bytes.Copy(part, 0, buffer, 0, part.Length);
        return part.Length;
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        Program.Print("datagram answer", buffer, offset, count);
    }
}
