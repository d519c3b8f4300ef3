using Nrf5340Sdk.Smp.Protocol;

namespace Nrf5340Sdk.Smp.Commands;

/// <summary>The mcumgr commands of the OS, image and basic groups over one session.</summary>
public sealed class McuMgr(SmpSession session)
{
    public SmpSession Session { get; } = session;

    public string Echo(string text)
    {
        var r = Session.Request(SmpOp.Write, SmpIds.OsGroup, SmpIds.Echo, CborBody.Encode(("d", text)));
        return r.Text("r") ?? throw new SmpProtocolException("the echo answer has no \"r\"");
    }

    /// <summary>The device's buffer parameters; null when it does not support the command.</summary>
    public DeviceBuffers? Params()
    {
        var r = Session.RequestRaw(SmpOp.Read, SmpIds.OsGroup, SmpIds.Params, CborBody.Encode());
        if (r.Error is { } error)
            return error.Rc == nanoFramework.McuMgr.MgmtError.NotSupported ? null : throw error;
        if (r.Int("buf_size") is not long size || r.Int("buf_count") is not long count || size <= 0 || count <= 0)
            throw new SmpProtocolException("the parameters answer lacks a positive \"buf_size\" and \"buf_count\"");
        return new DeviceBuffers((int)size, (int)count);
    }

    /// <summary>Bootloader info and its "mode" and "active_b0_slot" queries (a query the device cannot answer gives null).</summary>
    public BootloaderInfo BootloaderInfo()
    {
        var r = Session.Request(SmpOp.Read, SmpIds.OsGroup, SmpIds.BootloaderInfo, CborBody.Encode());
        string name = r.Text("bootloader") ?? throw new SmpProtocolException("the bootloader info answer has no \"bootloader\"");
        var mode = Query("mode");
        var slot = Query("active_b0_slot");
        return new BootloaderInfo(name, (int?)Field(mode, "mode"), mode?.GetValueOrDefault("no-downgrade") as bool?,
            (int?)(Field(slot, "active") ?? Field(slot, "active_b0_slot")));
    }

    private Dictionary<string, object?>? Query(string query)
    {
        var r = Session.RequestRaw(SmpOp.Read, SmpIds.OsGroup, SmpIds.BootloaderInfo, CborBody.Encode(("query", query)));
        if (r.Error is not null)
            return null;
        // Some servers nest the answer under "response"; accept both shapes.
        return r.Body.GetValueOrDefault("response") as Dictionary<string, object?> ?? r.Body;
    }

    private static long? Field(Dictionary<string, object?>? map, string key) => map?.GetValueOrDefault(key) as long?;

    public List<ImageSlot> ImageList() =>
        ImageSlot.ListOf(Session.Request(SmpOp.Read, SmpIds.ImageGroup, SmpIds.ImageState, CborBody.Encode()));

    /// <summary>Marks the image with this hash for a test boot; returns the new state.</summary>
    public List<ImageSlot> ImageTest(byte[] hash) => StateWrite(("hash", hash), ("confirm", false));

    /// <summary>Confirms the running image (no hash) or makes the image with this hash permanent.</summary>
    public List<ImageSlot> ImageConfirm(byte[]? hash) =>
        hash is null ? StateWrite(("confirm", true)) : StateWrite(("hash", hash), ("confirm", true));

    private List<ImageSlot> StateWrite(params (string, object?)[] body) =>
        ImageSlot.ListOf(Session.Request(SmpOp.Write, SmpIds.ImageGroup, SmpIds.ImageState, CborBody.Encode(body),
            ImageUploader.EraseTimeout));

    public void ImageErase(int? slot) =>
        Session.Request(SmpOp.Write, SmpIds.ImageGroup, SmpIds.ImageErase,
            slot is int s ? CborBody.Encode(("slot", s)) : CborBody.Encode(), ImageUploader.EraseTimeout);

    public void StorageErase() =>
        Session.Request(SmpOp.Write, SmpIds.BasicGroup, SmpIds.StorageErase, CborBody.Encode(), ImageUploader.EraseTimeout);

    /// <summary>
    /// Asks the device to reset. Sent once, never retried: a second request could reach the restarted device and
    /// reset it again (a test image would then revert). A device that resets before its answer leaves is fine.
    /// </summary>
    public bool Reset()
    {
        byte seq = Session.Send(SmpOp.Write, SmpIds.OsGroup, SmpIds.Reset, CborBody.Encode());
        var deadline = DateTime.UtcNow + Session.Timeouts.Answer;
        while (DateTime.UtcNow < deadline)
        {
            var r = Session.Receive(deadline - DateTime.UtcNow);
            if (r is null || !SmpSession.Answers(r.Header, SmpOp.Write, SmpIds.OsGroup, SmpIds.Reset, seq))
                continue;
            if (r.Error is { } error)
                throw error;
            return true;
        }
        return false;
    }
}
