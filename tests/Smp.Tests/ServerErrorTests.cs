using System.Formats.Cbor;
using System.Security.Cryptography;
using nanoFramework.McuMgr;
using static Nrf5340Sdk.SmpTests.Frames;

namespace Nrf5340Sdk.SmpTests;

/// <summary>Every refusal and error path of the server, and the protocol rules around them.</summary>
public class ServerErrorTests
{
    const int Read = Smp.OpRead, Write = Smp.OpWrite;

    [Fact]
    public void Unknown_group_such_as_SUIT_is_not_supported_in_both_versions()
    {
        var (_, _, server) = NewDevice();
        foreach (int version in new[] { 0, 1 })
        {
            var a = One(server.Handle(Request(Read, 66, 0, version: version)));
            a.Keys("rc");
            Assert.Equal((long)MgmtError.NotSupported, a.Map["rc"]);
            Assert.Equal(version << 3 | 1, a.Byte0);
            Assert.Equal(66, a.Group);
        }
    }

    [Theory]
    [InlineData(0, 1, Write)]   // console echo control
    [InlineData(0, 2, Read)]    // task statistics
    [InlineData(0, 6, Write)]   // parameters are read only
    [InlineData(1, 1, Read)]    // upload is a write
    [InlineData(1, 3, Write)]
    [InlineData(63, 1, Write)]
    public void Unknown_command_or_op_is_not_supported(int group, int cmd, int op)
    {
        var (_, _, server) = NewDevice();
        var a = One(server.Handle(Request(op, group, cmd)));
        a.Keys("rc");
        Assert.Equal((long)MgmtError.NotSupported, a.Map["rc"]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Header_version_2_and_up_is_too_new(int version)
    {
        var (_, _, server) = NewDevice();
        var a = One(server.Handle(Request(Write, 0, 0, Map(("d", "x")), version: version)));
        a.Keys("rc");
        Assert.Equal((long)MgmtError.TooNew, a.Map["rc"]);
        Assert.Equal(version << 3 | 3, a.Byte0);
    }

    [Fact]
    public void Truncated_frame_is_answered_with_an_error_and_writes_nothing()
    {
        var (slots, _, server) = NewDevice();
        byte[] file = UploadedImage();
        byte[] chunk = Request(Write, 1, 1, Map(("off", 0), ("len", file.Length), ("data", file[..512])));
        for (int cut = 8; cut < chunk.Length; cut += 37)
        {
            var a = One(server.Handle(chunk, 0, cut));
            a.Keys("rc");
            Assert.Equal((long)MgmtError.Corrupt, a.Map["rc"]);
        }
        Assert.Equal(0, slots.Writes + slots.Erases);
        Assert.Empty(server.Handle(chunk, 0, 7)); // no whole header: nothing to answer to
    }

    [Theory]
    [InlineData("80")]          // an array
    [InlineData("01")]          // an integer
    [InlineData("a16164")]      // a map cut short
    [InlineData("a0a0")]        // two maps
    [InlineData("bf61646161")]  // indefinite map without break
    [InlineData("ff")]
    public void Body_that_is_not_one_CBOR_map_is_invalid(string body)
    {
        var (_, _, server) = NewDevice();
        var a = One(server.Handle(Packet(Write, 0, 0, Hex(body))));
        a.Keys("rc");
        Assert.Equal((long)MgmtError.InvalidValue, a.Map["rc"]);
    }

    [Fact]
    public void Field_of_the_wrong_type_is_invalid()
    {
        var (_, _, server) = NewDevice();
        Assert.Equal(MgmtError.InvalidValue, One(server.Handle(Request(Write, 0, 0, Map(("d", 5))))).Rc);
        Assert.Equal(MgmtError.InvalidValue, One(server.Handle(Request(Write, 1, 0, Map(("confirm", 1))))).Rc);
        Assert.Equal(MgmtError.InvalidValue, One(server.Handle(Request(Write, 1, 1, Map(("off", -1), ("data", new byte[1]))))).Rc);
    }

    [Fact]
    public void Zero_length_body_is_an_empty_map_and_several_requests_share_a_packet()
    {
        var (_, _, server) = NewDevice();
        byte[] packet = [.. Packet(Read, 1, 0, [], version: 0, seq: 1), .. Request(Write, 0, 0, Map(("d", "two")), seq: 2),
            .. Request(Read, 0, 6, seq: 3)];
        var answers = Split(server.Handle(packet));
        Assert.Equal(3, answers.Count);
        Assert.Single(Expect.Images(answers[0]));
        Assert.Equal("two", answers[1].Map["r"]);
        Assert.Equal(new[] { 1, 2, 3 }, answers.Select(a => a.Seq));
    }

    [Fact]
    public void Answers_to_answers_are_not_sent()
    {
        var (_, _, server) = NewDevice();
        Assert.Empty(server.Handle(Request(Smp.OpReadResponse, 0, 0)));
        Assert.Empty(server.Handle(Request(Smp.OpWriteResponse, 0, 0)));
    }

    [Fact]
    public void Os_group_queries_and_formats()
    {
        var (_, device, server) = NewDevice();
        Assert.Equal(OsError.QueryYieldsNoAnswer, One(server.Handle(Request(Read, 0, 8, Map(("query", "nope"))))).Rc);
        var b0 = One(server.Handle(Request(Read, 0, 8, Map(("query", "active_b0_slot")))));
        b0.Keys("active");
        Assert.Equal(1L, b0.Map["active"]);
        device.ActiveB0Slot = -1;
        Assert.Equal(OsError.QueryYieldsNoAnswer, One(server.Handle(Request(Read, 0, 8, Map(("query", "active_b0_slot"))))).Rc);

        Assert.Equal("Zephyr nrf5340dk cortex-m33", One(server.Handle(Request(Read, 0, 7, Map(("format", "snp"))))).Map["output"]);
        Assert.Equal(string.Join(" ", "snrvbmpio".Select(device.AppInfo)), One(server.Handle(Request(Read, 0, 7, Map(("format", "a"))))).Map["output"]);
        var bad = One(server.Handle(Request(Read, 0, 7, Map(("format", "sq")))));
        Expect.AssertError(bad, 1, Smp.GroupOs, OsError.InvalidFormat);

        Assert.Equal(MgmtError.InvalidValue, One(server.Handle(Request(Write, 0, 0))).Rc); // echo without "d"
    }

    [Theory]
    [InlineData("2025-11-24T10:00:00", "2025-11-24T10:00:00")]
    [InlineData("2025-11-24T10:00:00.5", "2025-11-24T10:00:00")]
    [InlineData("2025-11-24T10:00:00Z", "2025-11-24T10:00:00")]
    [InlineData("2025-11-24T10:00:00.000000+0000", "2025-11-24T10:00:00")]
    [InlineData("2025-11-24T12:30:00+02:30", "2025-11-24T10:00:00")]
    [InlineData("2024-02-29T00:00:00-0100", "2024-02-29T01:00:00")]
    public void Datetime_write_then_read(string written, string read)
    {
        var (_, _, server) = NewDevice();
        One(server.Handle(Request(Write, 0, 4, Map(("datetime", written))))).Keys();
        Assert.Equal(read, One(server.Handle(Request(Read, 0, 4))).Map["datetime"]);
    }

    [Theory]
    [InlineData("2025-13-01T00:00:00")]
    [InlineData("2025-02-29T00:00:00")]
    [InlineData("2025-11-24 10:00:00")]
    [InlineData("2025-11-24T24:00:00")]
    [InlineData("2025-11-24T10:00:00.")]
    [InlineData("2025-11-24T10:00:00.12345678")]
    [InlineData("2025-11-24T10:00:00+1")]
    [InlineData("0001-01-01T00:00:00+0100")]
    [InlineData("")]
    public void Datetime_that_names_no_time_is_refused(string written)
    {
        var (_, device, server) = NewDevice();
        long before = device.UtcTicks;
        Assert.Equal(OsError.InvalidFormat, One(server.Handle(Request(Write, 0, 4, Map(("datetime", written))))).Rc);
        Assert.Equal(before, device.UtcTicks);
    }

    [Fact]
    public void Datetime_read_without_a_clock_is_rtc_not_set()
    {
        var (_, device, server) = NewDevice();
        device.UtcTicks = -1;
        Assert.Equal(OsError.RtcNotSet, One(server.Handle(Request(Read, 0, 4))).Rc);
    }

    [Fact]
    public void Storage_erase_failure_is_a_basic_group_error()
    {
        var (_, device, server) = NewDevice();
        device.EraseStorageResult = BasicError.FlashEraseFailed;
        Expect.AssertError(One(server.Handle(Request(Write, 63, 0))), 1, 63, BasicError.FlashEraseFailed);
    }

    // ---- image group ----

    static byte[] Chunk(byte[] file, int off, int count, bool first = true, byte[]? sha = null, int image = -1, bool? upgrade = null, int version = 1)
    {
        var entries = new List<(string, object?)> { ("off", off), ("data", file[off..(off + count)]) };
        if (off == 0 && first)
        {
            entries.Add(("len", file.Length));
            if (sha != null) entries.Add(("sha", sha));
        }
        if (image >= 0) entries.Add(("image", image));
        if (upgrade != null) entries.Add(("upgrade", upgrade.Value));
        return Request(Write, 1, 1, Map([.. entries]), version: version);
    }

    static Answer Upload(SmpServer server, byte[] file, int chunk = 512, int version = 1)
    {
        Answer a = null!;
        for (int off = 0; off < file.Length; off += chunk)
            a = One(server.Handle(Chunk(file, off, Math.Min(chunk, file.Length - off), sha: SHA256.HashData(file), version: version)));
        return a;
    }

    [Fact]
    public void Chunk_at_an_unexpected_offset_gets_ok_with_the_offset_expected()
    {
        var (slots, _, server) = NewDevice();
        byte[] file = UploadedImage();
        Assert.Equal(0L, One(server.Handle(Chunk(file, 512, 512))).Map["off"]); // no upload yet
        One(server.Handle(Chunk(file, 0, 512, sha: SHA256.HashData(file))));
        foreach (int off in new[] { 1024, 100, 4000 })
        {
            var a = One(server.Handle(Chunk(file, off, 100)));
            a.Keys("off");
            Assert.Equal(512L, a.Map["off"]);
        }
        Assert.Equal(1, slots.Writes);
        Assert.Equal(1024L, One(server.Handle(Chunk(file, 512, 512))).Map["off"]);
        Assert.Equal(1024L, One(server.Handle(Chunk(file, 512, 512))).Map["off"]); // a repeated chunk is not written twice
        Assert.Equal(2, slots.Writes);
    }

    [Fact]
    public void Same_sha_resumes_and_another_sha_restarts()
    {
        var (slots, _, server) = NewDevice();
        byte[] file = UploadedImage();
        byte[] sha = SHA256.HashData(file);
        One(server.Handle(Chunk(file, 0, 512, sha: sha)));
        One(server.Handle(Chunk(file, 512, 512)));
        var resumed = One(server.Handle(Chunk(file, 0, 512, sha: sha)));
        Assert.Equal(1024L, resumed.Map["off"]);
        Assert.Equal(1, slots.Erases);
        byte[] other = (byte[])sha.Clone();
        other[0] ^= 1;
        Assert.Equal(512L, One(server.Handle(Chunk(file, 0, 512, sha: other))).Map["off"]);
        Assert.Equal(2, slots.Erases);
    }

    [Fact]
    public void Upload_with_image_number_in_every_chunk_and_without_sha()
    {
        var (slots, _, server) = NewDevice();
        byte[] file = UploadedImage();
        Answer a = null!;
        for (int off = 0; off < file.Length; off += 1000)
            a = One(server.Handle(Chunk(file, off, Math.Min(1000, file.Length - off), image: 0, upgrade: false)));
        a.Keys("off"); // no "match" without "sha"
        Assert.Equal((long)file.Length, a.Map["off"]);
        Assert.Equal(file, slots.Upload(0).Bytes);
    }

    [Fact]
    public void Net_core_and_deployment_images_go_to_their_own_slot()
    {
        foreach (int image in new[] { 1, 3 })
        {
            var (slots, _, server) = NewDevice();
            byte[] file = UploadedImage();
            for (int off = 0; off < file.Length; off += 2000)
                One(server.Handle(Chunk(file, off, Math.Min(2000, file.Length - off), image: image)));
            Assert.Equal(file, slots.Upload(image).Bytes);
            var listed = Expect.Images(One(server.Handle(Request(Read, 1, 0))));
            Assert.Contains(listed, e => (long)e["image"]! == image && (long)e["slot"]! == 1);
        }
    }

    [Fact]
    public void Wrong_sha_gives_match_false()
    {
        var (_, _, server) = NewDevice();
        byte[] file = UploadedImage();
        byte[] sha = SHA256.HashData(file);
        sha[31] ^= 0xff;
        One(server.Handle(Chunk(file, 0, 4000, sha: sha)));
        var a = One(server.Handle(Chunk(file, 4000, file.Length - 4000)));
        Assert.Equal(false, a.Map["match"]);
    }

    [Fact]
    public void Overrun_and_too_large_are_refused_before_anything_is_written()
    {
        var (slots, _, server) = NewDevice(slotSize: 0x1000 + 0x630);
        byte[] file = UploadedImage();
        Expect.AssertError(One(server.Handle(Chunk(file, 0, 512))), 1, 1, ImageError.InvalidImageTooLarge);
        Assert.Equal(0, slots.Erases);

        (slots, _, server) = NewDevice();
        One(server.Handle(Chunk(file, 0, 512)));
        var over = Request(Write, 1, 1, Map(("off", 512), ("data", new byte[file.Length])));
        Expect.AssertError(One(server.Handle(over)), 1, 1, ImageError.InvalidImageDataOverrun);
        Assert.Equal(1, slots.Writes);
        var firstOver = Request(Write, 1, 1, Map(("off", 0), ("len", 100), ("data", file[..200])), version: 0);
        var a = One(server.Handle(firstOver));
        a.Keys("rc");
        Assert.Equal((long)ImageError.InvalidImageDataOverrun, a.Map["rc"]);
    }

    [Fact]
    public void First_chunk_header_is_checked()
    {
        var (slots, _, server) = NewDevice();
        byte[] file = UploadedImage();
        byte[] bad = (byte[])file.Clone();
        bad[0] ^= 1;
        Expect.AssertError(One(server.Handle(Chunk(bad, 0, 512))), 1, 1, ImageError.InvalidImageHeaderMagic);
        Expect.AssertError(One(server.Handle(Chunk(file, 0, 16))), 1, 1, ImageError.InvalidImageHeader);
        Assert.Equal(MgmtError.InvalidValue, One(server.Handle(Request(Write, 1, 1, Map(("off", 0), ("data", file[..512]))))).Rc); // no len
        var longSha = Request(Write, 1, 1, Map(("off", 0), ("len", file.Length), ("sha", new byte[33]), ("data", file[..512])));
        Expect.AssertError(One(server.Handle(longSha)), 1, 1, ImageError.InvalidHash);
        Expect.AssertError(One(server.Handle(Chunk(file, 0, 512, image: 9))), 1, 1, ImageError.InvalidSlot);
        Assert.Equal(0, slots.Erases);
    }

    [Fact]
    public void Upgrade_flag_refuses_a_version_not_newer_than_the_running_one()
    {
        var (slots, _, server) = NewDevice();
        byte[] older = ImageFile.Build(0, 9, 600);
        var a = One(server.Handle(Request(Write, 1, 1, Map(("off", 0), ("len", older.Length), ("data", older), ("upgrade", true)))));
        Assert.Equal(ImageError.CurrentVersionIsNewer, a.Rc);
        Assert.Contains("newer", (string)a.Map["rsn"]!);
        Assert.Equal(0, slots.Erases);
        byte[] same = ImageFile.Build(1, 0, 600);
        Assert.Equal(ImageError.CurrentVersionIsNewer, One(server.Handle(Request(Write, 1, 1, Map(("off", 0), ("len", same.Length), ("data", same), ("upgrade", true)))))
            .Rc);
        byte[] newer = UploadedImage();
        Assert.Equal(512L, One(server.Handle(Chunk(newer, 0, 512, upgrade: true))).Map["off"]);
    }

    [Fact]
    public void Bootloader_refusal_is_answered_on_the_last_chunk_with_its_reason()
    {
        var (slots, _, server) = NewDevice();
        const string reason = "b0: image for S0 (0x00008200) cannot go to S1 (0x00018200): upload the S1 variant";
        slots.Rule = _ => new UploadVerdict { Error = ImageError.InvalidImageHeader, Reason = reason };
        foreach (int version in new[] { 0, 1 })
        {
            var a = Upload(server, UploadedImage(), version: version);
            Assert.Equal(reason, a.Map["rsn"]);
            Assert.Equal(ImageError.InvalidImageHeader, a.Rc);
            Assert.Equal(version == 1 ? new[] { "err", "rsn" } : ["rc", "rsn"], a.Map.Keys.Order());
        }
        Assert.Single(Expect.Images(One(server.Handle(Request(Read, 1, 0))))); // nothing left in slot 1
    }

    [Fact]
    public void Corrupt_image_is_refused_by_its_hash_tlv()
    {
        var (_, _, server) = NewDevice();
        byte[] file = UploadedImage();
        file[0x300] ^= 1;
        var a = Upload(server, file);
        Assert.Contains("hash", (string)a.Map["rsn"]!);
    }

    [Fact]
    public void Flash_write_failure_is_an_error_and_the_offset_stays()
    {
        var (slots, _, server) = NewDevice();
        slots.FailWritesFrom = 1000;
        byte[] file = UploadedImage();
        One(server.Handle(Chunk(file, 0, 512)));
        Expect.AssertError(One(server.Handle(Chunk(file, 512, 512))), 1, 1, ImageError.FlashWriteFailed);
        slots.FailWritesFrom = int.MaxValue;
        Assert.Equal(1024L, One(server.Handle(Chunk(file, 512, 512))).Map["off"]);
    }

    [Fact]
    public void State_write_rules()
    {
        var (slots, _, server) = NewDevice();
        byte[] primary = Hex(PrimaryHash), uploaded = Hex(UploadHash);
        Answer Write_(params (string, object?)[] e) => One(server.Handle(Request(Write, 1, 0, Map(e))));

        Expect.AssertError(Write_(("hash", primary), ("confirm", false)), 1, 1, ImageError.TestToActiveDenied);
        Expect.AssertError(Write_(("hash", uploaded)), 1, 1, ImageError.HashNotFound);
        Expect.AssertError(Write_(("hash", new byte[20])), 1, 1, ImageError.InvalidHash);
        Assert.Equal(MgmtError.InvalidValue, Write_(("confirm", false)).Rc); // a test names its image
        Assert.Single(Expect.Images(Write_(("hash", primary), ("confirm", true)))); // confirm of the running image
        Assert.Equal(0, slots.SetPendingCalls);

        Upload(server, UploadedImage());
        var permanent = Expect.Images(Write_(("hash", uploaded), ("confirm", true)));
        Expect.Entry(permanent[1], 1, "1.2.3.4", UploadHash, pending: true, permanent: true);
        Expect.AssertError(Write_(("confirm", true)), 1, 1, ImageError.ImageAlreadyPending);
        var again = Expect.Images(Write_(("hash", uploaded), ("confirm", false)));
        Expect.Entry(again[1], 1, "1.2.3.4", UploadHash, pending: true, permanent: true); // already scheduled: no change
        Expect.AssertError(One(server.Handle(Chunk(UploadedImage(), 0, 512))), 1, 1, ImageError.NoFreeSlot);
    }

    [Fact]
    public void Erase_and_slot_info()
    {
        var (slots, _, server) = NewDevice();
        Upload(server, UploadedImage());
        One(server.Handle(Request(Write, 1, 5))).Keys();
        Assert.Single(Expect.Images(One(server.Handle(Request(Read, 1, 0)))));
        Expect.AssertError(One(server.Handle(Request(Write, 1, 5, Map(("slot", 0))))), 1, 1, ImageError.InvalidSlot);

        // An erase ends the running upload: its next chunk is told to start over.
        byte[] file = UploadedImage();
        One(server.Handle(Chunk(file, 0, 512)));
        One(server.Handle(Request(Write, 1, 5)));
        Assert.Equal(0L, One(server.Handle(Chunk(file, 512, 512))).Map["off"]);

        var info = One(server.Handle(Request(Read, 1, 6)));
        info.Keys("images");
        var images = ((List<object?>)info.Map["images"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(Smp.ImageCount, images.Count);
        Assert.Equal((long)slots.MaxImageSize(0), images[0]["max_image_size"]);
        var slot = (Dictionary<string, object?>)((List<object?>)images[0]["slots"]!)[0]!;
        Assert.Equal(1L, slot["slot"]);
    }
}
