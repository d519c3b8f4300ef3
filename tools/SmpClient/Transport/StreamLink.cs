using System.Collections.Concurrent;
using Nrf5340Sdk.Smp.Protocol;

namespace Nrf5340Sdk.Smp.Transport;

/// <summary>
/// SMP over a byte stream with mcumgr's serial framing: a TCP connection to an emulated UART (QEMU, the simulated
/// DK) or a real serial port. A reader thread reassembles packets so Receive can wait with a timeout.
/// </summary>
public sealed class StreamLink : ISmpLink
{
    private readonly Stream stream;
    private readonly IDisposable? owner;
    private readonly BlockingCollection<byte[]> packets = [];
    private readonly SerialDecoder decoder = new();
    private readonly Thread reader;

    public StreamLink(Stream stream, string name, IDisposable? owner = null)
    {
        this.stream = stream;
        this.owner = owner;
        Name = name;
        reader = new Thread(Read) { IsBackground = true, Name = "smp-stream-reader" };
        reader.Start();
    }

    public string Name { get; }

    /// <summary>The framing cuts any packet into lines; only the device's buffer limits it.</summary>
    public int MaxPacket => int.MaxValue;

    /// <summary>Why received frames were dropped (bad base64, length or CRC).</summary>
    public IReadOnlyList<string> DroppedFrames { get { lock (decoder) return [.. decoder.Errors]; } }

    public void Send(byte[] packet)
    {
        stream.Write(SerialFraming.Encode(packet));
        stream.Flush();
    }

    public byte[]? Receive(TimeSpan timeout) => packets.TryTake(out var packet, timeout) ? packet : null;

    private void Read()
    {
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                List<byte[]> done;
                lock (decoder)
                    done = decoder.Feed(buffer.AsSpan(0, n));
                foreach (var packet in done)
                    packets.Add(packet);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or TimeoutException)
        {
            // The stream closed (device reset, link disposed): Receive times out from now on.
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        owner?.Dispose();
    }
}
