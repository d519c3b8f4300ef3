using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace SmpClient.Tests;

/// <summary>Requests, answers, versions, errors and timeouts against an in-process responder.</summary>
public class SessionTests
{
    private static SmpSession Session(FakeDevice device, double seconds = 0.3, int retries = 1) =>
        new(SmpLinks.Open(device.Connection), new SmpTimeouts(TimeSpan.FromSeconds(seconds), retries));

    [Fact]
    public void Requests_are_smp_v2_until_the_device_answers_v1()
    {
        using var device = new FakeDevice((_, body) => CborBody.Encode(("r", body["d"]))) { AnswerVersion = 0 };
        using var session = Session(device);
        var m = new McuMgr(session);
        Assert.Equal("one", m.Echo("one"));
        Assert.Equal("two", m.Echo("two"));
        Assert.Equal([SmpHeader.V2, 0], device.Requests.Select(r => r.Header.Version));
        Assert.Equal(0, session.Version);
    }

    [Fact]
    public void A_v2_device_keeps_v2_and_sequence_numbers_count_up()
    {
        using var device = new FakeDevice((_, body) => CborBody.Encode(("r", body["d"])));
        using var session = Session(device);
        var m = new McuMgr(session);
        m.Echo("a");
        m.Echo("b");
        Assert.All(device.Requests, r => Assert.Equal(SmpHeader.V2, r.Header.Version));
        Assert.Equal([0, 1], device.Requests.Select(r => (int)r.Header.Sequence));
        Assert.All(device.Requests, r => Assert.Equal((SmpIds.OsGroup, SmpIds.Echo, SmpOp.Write), (r.Header.Group, r.Header.Command, r.Header.Op)));
    }

    [Fact]
    public void A_lost_answer_is_asked_for_again_and_silence_ends_in_a_timeout()
    {
        int calls = 0;
        using var device = new FakeDevice((_, body) => ++calls == 1 ? null : CborBody.Encode(("r", body["d"])));
        using var session = Session(device);
        Assert.Equal("x", new McuMgr(session).Echo("x"));
        Assert.Equal(2, calls);

        device.Handler = (_, _) => null;
        var started = DateTime.UtcNow;
        var e = Assert.Throws<SmpTimeoutException>(() => new McuMgr(session).Echo("y"));
        Assert.Contains("did not answer os group command 0 (2 tries of 0.3 s)", e.Message);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Group_errors_name_the_group_the_code_and_the_reason()
    {
        using var device = new FakeDevice((_, _) => FakeDevice.GroupError(1, 9, "secondary slot holds a pending image: reset first"));
        using var session = Session(device);
        var e = Assert.Throws<SmpDeviceException>(() => new McuMgr(session).ImageErase(null));
        Assert.Equal("image group: NO_FREE_SLOT (9): secondary slot holds a pending image: reset first", e.Message);
        Assert.True(e.GroupError);
    }

    [Fact]
    public void Legacy_rc_errors_use_the_smp_error_names()
    {
        using var device = new FakeDevice((_, _) => CborBody.Encode(("rc", 8))) { AnswerVersion = 0 };
        using var session = Session(device);
        var e = Assert.Throws<SmpDeviceException>(() => new McuMgr(session).StorageErase());
        Assert.Equal("basic group: NOT_SUPPORTED (8)", e.Message);
        Assert.Null(new McuMgr(session).Params());
    }

    [Fact]
    public void Answers_with_another_sequence_number_are_skipped()
    {
        using var device = new FakeDevice((_, body) => CborBody.Encode(("r", body["d"])));
        using var session = Session(device);
        session.Send(SmpOp.Write, SmpIds.OsGroup, SmpIds.Echo, CborBody.Encode(("d", "stale")));
        Assert.Equal("fresh", new McuMgr(session).Echo("fresh"));
    }

    [Fact]
    public void A_packet_shorter_than_its_header_says_is_a_protocol_error()
    {
        // The header announces 10 body bytes, 1 follows.
        using var device = new FakeDevice((_, _) => CborBody.Encode()) { Mangle = p => [.. p[..2], 0, 10, .. p[4..]] };
        using var session = Session(device);
        var e = Assert.Throws<SmpProtocolException>(() => new McuMgr(session).Params());
        Assert.Contains("sent a packet of 9 bytes whose header announces 18", e.Message);
    }

    [Fact]
    public void Image_state_answers_become_slots_and_a_missing_slot_field_is_an_error()
    {
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        using var device = new FakeDevice((_, _) => Cbor(w =>
        {
            w.WriteStartMap(null);
            w.WriteTextString("images");
            w.WriteStartArray(null);
            w.WriteStartMap(null);
            w.WriteTextString("slot"); w.WriteInt32(0);
            w.WriteTextString("version"); w.WriteTextString("1.0.0");
            w.WriteTextString("hash"); w.WriteByteString(hash);
            w.WriteTextString("active"); w.WriteBoolean(true);
            w.WriteTextString("confirmed"); w.WriteBoolean(true);
            w.WriteEndMap();
            w.WriteEndArray();
            w.WriteEndMap();
        }));
        using var session = Session(device);
        var slot = Assert.Single(new McuMgr(session).ImageList());
        Assert.Equal(new ImageSlot(0, 0, "1.0.0", hash, false, false, true, true, false), slot with { Hash = hash });
        Assert.Equal(hash, slot.Hash);
        Assert.Equal("active confirmed", slot.Flags);

        device.Handler = (_, _) => CborBody.Encode(("images", null));
        Assert.Throws<SmpProtocolException>(() => new McuMgr(session).ImageList());
    }

    [Fact]
    public void Reset_is_sent_once_even_when_no_answer_comes()
    {
        using var device = new FakeDevice((_, _) => null);
        using var session = Session(device, seconds: 0.3, retries: 3);
        Assert.False(new McuMgr(session).Reset());
        Assert.Single(device.Requests);
    }

    [Fact]
    public void Bootloader_info_asks_for_mode_and_active_b0_slot()
    {
        using var device = new FakeDevice((_, body) => body.GetValueOrDefault("query") switch
        {
            "mode" => CborBody.Encode(("mode", 3), ("no-downgrade", true)),
            "active_b0_slot" => CborBody.Encode(("active", 1)),
            null => CborBody.Encode(("bootloader", "MCUboot")),
            _ => CborBody.Encode(("rc", 3)),
        });
        using var session = Session(device);
        Assert.Equal(new BootloaderInfo("MCUboot", 3, true, 1), new McuMgr(session).BootloaderInfo());
    }

    internal static byte[] Cbor(Action<System.Formats.Cbor.CborWriter> write)
    {
        var writer = new System.Formats.Cbor.CborWriter();
        write(writer);
        return writer.Encode();
    }
}
