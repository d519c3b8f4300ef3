using Nrf5340Sdk.Smp.Protocol;

namespace Nrf5340Sdk.Smp.Commands;

/// <summary>One entry of the image group's state answer.</summary>
public sealed record ImageSlot(int Image, int Slot, string Version, byte[]? Hash, bool Bootable, bool Pending,
    bool Confirmed, bool Active, bool Permanent)
{
    public string HashHex => Hash is null ? "(none)" : Convert.ToHexStringLower(Hash);

    public string Flags => string.Join(' ', new[]
    {
        Active ? "active" : null, Confirmed ? "confirmed" : null, Pending ? "pending" : null,
        Permanent ? "permanent" : null, Bootable ? "bootable" : null,
    }.Where(f => f is not null));

    /// <summary>The "images" array of a state answer; a missing array or a bad entry is a protocol error.</summary>
    public static List<ImageSlot> ListOf(SmpResponse response)
    {
        if (response.Body.GetValueOrDefault("images") is not List<object?> images)
            throw new SmpProtocolException("the image state answer has no \"images\" array");
        var slots = new List<ImageSlot>();
        foreach (var item in images)
        {
            if (item is not Dictionary<string, object?> e || e.GetValueOrDefault("slot") is not long slot
                || e.GetValueOrDefault("version") is not string version)
                throw new SmpProtocolException("an image state entry lacks \"slot\" or \"version\"");
            slots.Add(new ImageSlot(e.GetValueOrDefault("image") is long image ? (int)image : 0, (int)slot, version,
                e.GetValueOrDefault("hash") as byte[], Is(e, "bootable"), Is(e, "pending"), Is(e, "confirmed"),
                Is(e, "active"), Is(e, "permanent")));
        }
        return slots;
    }

    private static bool Is(Dictionary<string, object?> entry, string key) => entry.GetValueOrDefault(key) is true;
}

/// <summary>What bootloader info tells: the name, and the answers to the mode and active_b0_slot queries.</summary>
public sealed record BootloaderInfo(string Name, int? Mode, bool? NoDowngrade, int? ActiveB0Slot);

/// <summary>The device's SMP buffers: the largest packet (header included) and how many it holds at once.</summary>
public sealed record DeviceBuffers(int Size, int Count);
