using System.Buffers.Binary;
using ImageTool.Files;
using ImageTool.Keys;

namespace ImageTool.B0;

public enum ProvisioningLayout
{
    /// <summary>bl_storage.h today: LCS and implementation ID first (written elsewhere), then addresses, keys, counters.</summary>
    Current,

    /// <summary>Older NCS: {s0, s1, key count, {valid 0xFFFFFFFF, hash}...} at the provision address.</summary>
    Legacy,
}

/// <summary>The inputs of NCS's provision.py.</summary>
public sealed record ProvisioningRequest
{
    public required uint S0Address { get; init; }

    public required uint S1Address { get; init; }

    /// <summary>Signing key first: b0 invalidates keys before the one an image verifies with.</summary>
    public required IReadOnlyList<PublicKey> Keys { get; init; }

    /// <summary>Start of the provision region: UICR OTP[0] = 0x00FF8100 on the nRF5340 application core.</summary>
    public required uint ProvisionAddress { get; init; }

    public int MaxSize { get; init; } = 0x1000;

    public int VersionCounterSlots { get; init; }

    public int McubootCounterSlots { get; init; }

    /// <summary>2 on nRF5340 (16-bit OTP cells).</summary>
    public int OtpWriteWidth { get; init; } = 2;

    public ProvisioningLayout Layout { get; init; } = ProvisioningLayout.Current;
}

/// <summary>Builds the provisioning data that b0 reads from OTP, byte-identical to NCS's provision.py.</summary>
public static class Provisioning
{
    private const int ImplementationIdSize = 32;
    private const int LifecycleStateCount = 4;
    private const ushort CounterCollectionType = 1;
    private const ushort CounterNsibVersion = 1;
    private const ushort CounterMcubootImage0 = 2;

    /// <summary>Invalidation token of key <c>i</c> (current layout): 0x50FAFFFF | i &lt;&lt; 24.</summary>
    public static uint ValidToken(int index) => 0x50FAFFFFu | (uint)index << 24;

    public static MemoryImage Build(ProvisioningRequest request)
    {
        if (request.OtpWriteWidth is not (1 or 2 or 4))
            throw new ToolException($"--otp-write-width {request.OtpWriteWidth} is invalid: use 1, 2 or 4");
        var hashes = request.Keys.Select(B0KeyHash.ComputeProvisionable).ToList();
        for (int i = 0; i < hashes.Count; i++)
            for (int j = 0; j < i; j++)
                if (hashes[i].AsSpan().SequenceEqual(hashes[j]))
                    throw new ToolException($"{request.Keys[i].Source} and {request.Keys[j].Source} are the same key");

        bool current = request.Layout == ProvisioningLayout.Current;
        var data = new List<byte>();
        Add32(data, request.S0Address);
        Add32(data, request.S1Address);
        Add32(data, (uint)hashes.Count);
        for (int i = 0; i < hashes.Count; i++)
        {
            Add32(data, current ? ValidToken(i) : 0xFFFFFFFF);
            data.AddRange(hashes[i]);
        }
        if (current)
            AddCounters(data, request);

        // LCS states and the implementation ID come first but are written by other tools.
        int skipped = current ? LifecycleStateCount * request.OtpWriteWidth + ImplementationIdSize : 0;
        if (skipped + data.Count > request.MaxSize)
            throw new ToolException(
                $"provisioning data ({skipped + data.Count} bytes incl. {skipped} for LCS and implementation ID) does not fit --max-size 0x{request.MaxSize:x}: use fewer keys or counter slots");
        return MemoryImage.FromBytes(request.ProvisionAddress + (uint)skipped, data.ToArray(), "provisioning data");
    }

    /// <summary>The whole region as the OTP will read: <see cref="ProvisioningRequest.MaxSize"/> bytes, 0xFF where nothing is written.</summary>
    public static byte[] BuildRegion(ProvisioningRequest request) =>
        Build(request).Slice(request.ProvisionAddress, request.MaxSize);

    private static void AddCounters(List<byte> data, ProvisioningRequest request)
    {
        int nsib = request.VersionCounterSlots;
        int mcuboot = request.McubootCounterSlots;
        if (nsib < 0 || mcuboot < 0 || nsib % 2 != 0 || mcuboot % 2 != 0 || nsib > ushort.MaxValue || mcuboot > ushort.MaxValue)
            throw new ToolException($"counter slot counts must be even and 0..65534 (got {nsib} and {mcuboot})");
        int counters = Math.Min(nsib, 1) + Math.Min(mcuboot, 1);
        if (counters == 0)
            return;
        Add16(data, CounterCollectionType);
        Add16(data, (ushort)counters);
        AddCounter(data, CounterNsibVersion, nsib, request.OtpWriteWidth);
        AddCounter(data, CounterMcubootImage0, mcuboot, request.OtpWriteWidth);
    }

    private static void AddCounter(List<byte> data, ushort description, int slots, int width)
    {
        if (slots == 0)
            return;
        Add16(data, description);
        Add16(data, (ushort)slots);
        data.AddRange(Enumerable.Repeat((byte)0xFF, slots * width));
    }

    private static void Add32(List<byte> data, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        data.AddRange(bytes);
    }

    private static void Add16(List<byte> data, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        data.AddRange(bytes);
    }
}
