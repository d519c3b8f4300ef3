using nanoFramework.McuMgr;
using static Nrf5340Sdk.SmpTests.Frames;

namespace Nrf5340Sdk.SmpTests;

/// <summary>Clients that keep several upload chunks in flight (mcumgr-cli's window, mcumgr-web's fast mode).</summary>
public class WindowTests
{
    static byte[] Chunk(byte[] file, int off, int size, int seq) => Request(Smp.OpWrite, 1, 1,
        off == 0 ? Map(("data", file[..size]), ("off", 0), ("len", file.Length)) : Map(("data", file[off..Math.Min(file.Length, off + size)]), ("off", off)),
        version: 0, seq: seq);

    [Fact]
    public void Chunks_queued_before_the_first_answer_are_each_answered_in_order()
    {
        var (slots, device, server) = NewDevice();
        var transport = new MemoryTransport(stream: false) { Device = device };
        byte[] file = UploadedImage();
        for (int i = 0; i < 5; i++)
            transport.Incoming.Enqueue(Chunk(file, i * 512, 512, 66 + i));
        var receive = new byte[transport.MaxReceive];
        while (server.Poll(transport, receive, 0)) { }
        Assert.Equal(new long[] { 512, 1024, 1536, 2048, 2560 }, transport.Sent.Select(s => (long)One(s).Map["off"]!));
        Assert.Equal(Enumerable.Range(66, 5), transport.Sent.Select(s => One(s).Seq));
        Assert.Equal(file[..2560], slots.Upload(0).Bytes[..2560]);
    }

    [Fact]
    public void A_lost_chunk_in_the_window_makes_the_later_ones_point_back_to_it()
    {
        var (slots, device, server) = NewDevice();
        var transport = new MemoryTransport(stream: false) { Device = device };
        byte[] file = UploadedImage();
        const int size = 478;
        for (int i = 0; i < 8; i++)
            if (i != 3)
                transport.Incoming.Enqueue(Chunk(file, i * size, size, i));
        var receive = new byte[transport.MaxReceive];
        while (server.Poll(transport, receive, 0)) { }
        var offs = transport.Sent.Select(s => (long)One(s).Map["off"]!).ToArray();
        Assert.Equal(new long[] { size, 2 * size, 3 * size, 3 * size, 3 * size, 3 * size, 3 * size }, offs);

        // The client rewinds to the offset it was given and goes on to the end.
        Answer last = null!;
        for (int off = 3 * size; off < file.Length; off += size)
            last = One(server.Handle(Chunk(file, off, size, 9)));
        Assert.Equal((long)file.Length, last.Map["off"]);
        Assert.Equal(file, slots.Upload(0).Bytes);
    }
}
