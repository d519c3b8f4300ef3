using System.Formats.Cbor;
using nanoFramework.McuMgr;

namespace Nrf5340Sdk.SmpTests;

/// <summary>
/// Every frame captured from the four real clients (../shared/vectors/smp) replayed in each client's order
/// against one server per client run, every answer decoded by System.Formats.Cbor in strict mode and checked
/// field by field against what the vectors README says that client needs.
/// </summary>
public class VectorReplayTests
{
    /// <summary>The client runs: mcumgr-web's fast upload (rows 11-13) was a run of its own.</summary>
    public static TheoryData<string> Runs() => new() { "mcumgr-cli", "smpclient", "mcumgr-web", "mcumgr-web-fast", "mcumgr-java" };

    static List<Frames.Vector> RunOf(string run) => Frames.All().Where(v => run == "mcumgr-web-fast"
        ? v.Client == "mcumgr-web" && v.Command.Contains("fast")
        : v.Client == run && !v.Command.Contains("fast")).ToList();

    [Fact]
    public void Every_vector_belongs_to_a_run()
    {
        Assert.Equal(59, Frames.All().Count);
        Assert.Equal(59, new[] { "mcumgr-cli", "smpclient", "mcumgr-web", "mcumgr-web-fast", "mcumgr-java" }.Sum(r => RunOf(r).Count));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Client_run_gets_the_answers_it_needs(string run)
    {
        var (slots, device, server) = Frames.NewDevice();
        byte[] file = Frames.UploadedImage();
        bool tested = false;
        Frames.Vector? second = null;
        foreach (var v in RunOf(run))
        {
            if (v.Command.EndsWith("upload-last") || v.Command.EndsWith("upload-fast-last"))
                foreach (var chunk in MiddleChunks(second!, v, file))
                    Check(chunk, server.Handle(chunk.Bytes), slots, device, file, ref tested);
            if (v.Command.Contains("upload") && v.Command.EndsWith("second"))
                second = v;
            Check(v, server.Handle(v.Bytes), slots, device, file, ref tested);
        }
        Assert.Equal(0, device.Resets); // Handle only answers; the reset happens in Run after the answer went out
    }

    static void Check(Frames.Vector v, byte[] output, MemoryImageSlots slots, MemoryDeviceServices device, byte[] file, ref bool tested)
    {
        var a = Frames.One(output);
        var req = v.Bytes;
        Assert.Equal(((req[0] >> 3) & 3) << 3 | ((req[0] & 7) + 1), a.Byte0); // op + 1, the request's version bits
        Assert.Equal(req[1], a.Flags);
        Assert.Equal(req[4] << 8 | req[5], a.Group);
        Assert.Equal(req[6], a.Seq);
        Assert.Equal(req[7], a.Cmd);
        var body = Frames.RequestBody(req);
        int version = (req[0] >> 3) & 3;

        switch (v.Command)
        {
            case "echo":
                a.Keys("r");
                Assert.Equal(body["d"], a.Map["r"]);
                break;
            case "mcumgr-params":
                a.Keys("buf_size", "buf_count");
                Assert.Equal(2475L, a.Map["buf_size"]);
                Assert.Equal((long)SmpServer.BufferCount, a.Map["buf_count"]);
                break;
            case "bootloader-info":
                a.Keys("bootloader");
                Assert.Equal("MCUboot", a.Map["bootloader"]);
                break;
            case "bootloader-info-mode":
                a.Keys("mode", "no-downgrade");
                Assert.Equal(3L, a.Map["mode"]);
                Assert.Equal(false, a.Map["no-downgrade"]);
                break;
            case "os-app-info":
                a.Keys("output");
                Assert.Equal("Zephyr", a.Map["output"]);
                break;
            case "datetime-read":
                a.Keys("datetime");
                Assert.Equal("2025-11-24T09:00:00", a.Map["datetime"]);
                break;
            case "datetime-write":
                a.Keys();
                Assert.Equal(new DateTime(2025, 11, 24, 10, 0, 0).Ticks, device.UtcTicks);
                break;
            case "image-state-read":
                var only = Assert.Single(Expect.Images(a));
                Expect.Entry(only, 0, "1.0.0", Frames.PrimaryHash, active: true, confirmed: true);
                break;
            case var c when c.Contains("upload"):
                long off = (long)body["off"]!, end = off + ((byte[])body["data"]!).Length;
                if (end < file.Length)
                {
                    a.Keys("off");
                    Assert.Equal(end, a.Map["off"]);
                    break;
                }
                a.Keys("off", "match");
                Assert.Equal((long)file.Length, a.Map["off"]);
                Assert.Equal(true, a.Map["match"]);
                Assert.Equal(file, slots.Upload(0).Bytes);
                break;
            case "image-test":
                tested = true;
                UploadedListed(a, pending: true, permanent: false);
                break;
            case "image-confirm-hash":
                // The test before already scheduled the swap: MCUboot writes nothing more, so it stays a test.
                UploadedListed(a, pending: true, permanent: false);
                break;
            case "image-confirm-primary-hash":
                Assert.Equal(2, Expect.Images(a).Count);
                Expect.Entry(Expect.Images(a)[0], 0, "1.0.0", Frames.PrimaryHash, active: true, confirmed: true);
                break;
            case "image-confirm" or "image-confirm-undefined-hash":
                Assert.True(tested);
                Expect.AssertError(a, version, Smp.GroupImage, ImageError.ImageAlreadyPending); // Zephyr: no confirm while a test is pending
                break;
            case "image-erase":
                Expect.AssertError(a, version, Smp.GroupImage, ImageError.NoFreeSlot); // the slot is pending
                break;
            case "storage-erase":
                a.Keys();
                Assert.Equal(1, device.StorageErases);
                break;
            case "reset":
                a.Keys();
                break;
            default:
                Assert.Fail($"no expectation for {v.Command}");
                break;
        }
    }

    static void UploadedListed(Answer a, bool pending, bool permanent)
    {
        var images = Expect.Images(a);
        Assert.Equal(2, images.Count);
        Expect.Entry(images[0], 0, "1.0.0", Frames.PrimaryHash, active: true, confirmed: true);
        Expect.Entry(images[1], 1, "1.2.3.4", Frames.UploadHash, pending: pending, permanent: permanent);
    }

    /// <summary>The chunks between the captured second and last ones, in the client's own form (its keys, its
    /// map kind, its chunk size, its sequence numbers), cut from the uploaded file.</summary>
    static IEnumerable<Frames.Vector> MiddleChunks(Frames.Vector second, Frames.Vector last, byte[] file)
    {
        var row = second.Row;
        int size = row.GetProperty("upload_chunk").GetProperty("data_len").GetInt32();
        int off = row.GetProperty("upload_chunk").GetProperty("off").GetInt32() + size;
        int lastOff = last.Row.GetProperty("upload_chunk").GetProperty("off").GetInt32();
        bool indefinite = row.GetProperty("map").GetString() == "indefinite";
        var keys = row.GetProperty("body_keys_in_order").EnumerateArray().Select(k => k.GetString()!).ToList();
        int seq = second.Bytes[6];
        for (; off < lastOff; off += size)
        {
            Assert.True(off + size <= lastOff, "the client's chunks do not line up with its last chunk");
            var w = new CborWriter(CborConformanceMode.Lax);
            w.WriteStartMap(indefinite ? null : keys.Count);
            foreach (var key in keys)
            {
                w.WriteTextString(key);
                if (key == "data") w.WriteByteString(file.AsSpan(off, size));
                else if (key == "off") w.WriteInt32(off);
                else if (key == "image") w.WriteInt32(0);
                else throw new InvalidOperationException(key);
            }
            w.WriteEndMap();
            seq = second.Bytes[6] == 0 ? 0 : (seq + 1) & 0xff;
            var b = Frames.Packet(second.Bytes[0] & 7, 1, 1, w.Encode(), (second.Bytes[0] >> 3) & 3, seq);
            yield return second with { Command = "image-upload-middle", Bytes = b };
        }
    }
}
