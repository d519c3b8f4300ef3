using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.DkSim;

/// <summary>
/// Signed images for the simulated DK, made with ImageTool's library and the development keys: the stand-in app
/// for mcuboot_primary (on the host the app is nfclr_sim; the image only has to pass the second stage's checks),
/// and the update images the flows upload: an app, a C# deployment and an S0/S1 second stage of any version.
/// </summary>
public sealed class DkImages(DkBuild build)
{
    /// <summary>The MCUboot header room every image of this board reserves.</summary>
    public const int HeaderSize = 0x200;

    private readonly PartitionTable table = build.Table();
    // Loaded once: every load of a development key prints its warning.
    private readonly Lazy<PrivateKey> mcubootKey = new(() => KeyFile.LoadPrivate(build.DevelopmentKey("mcuboot")));
    private readonly Lazy<PrivateKey> b0Key = new(() => KeyFile.LoadPrivate(build.DevelopmentKey("b0")));
    private PrivateKey McubootKey => mcubootKey.Value;
    private PrivateKey B0Key => b0Key.Value;

    /// <summary>The MCUboot public key as DER SubjectPublicKeyInfo, as mcuboot_sim's --key takes it.</summary>
    public byte[] McubootPublicKeyDer() => McubootKey.PublicKey.SubjectPublicKeyInfo;

    /// <summary>
    /// An app image (MCUboot image 0) of payloadSize bytes linked behind mcuboot_primary's header: a vector table
    /// (initial stack in RAM, reset handler inside the payload) followed by bytes that depend on the version, so
    /// every version has its own hash.
    /// </summary>
    public byte[] App(string version, int payloadSize = 0x3000)
    {
        var primary = table["mcuboot_primary"];
        uint load = primary.Address + HeaderSize;
        var payload = new byte[payloadSize];
        new Random(BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{version}/{payloadSize}")))).NextBytes(payload);
        var ram = table.Memories.First(m => m.Kind == MemoryKind.Ram);
        BinaryPrimitives.WriteUInt32LittleEndian(payload, ram.Base + ram.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), (load + 0x441) | 1); // Thumb reset handler
        return AppFrom(payload, version);
    }

    /// <summary>A built app binary (linked behind mcuboot_primary's header) signed as MCUboot image 0.</summary>
    public byte[] AppFrom(byte[] payload, string version)
    {
        var primary = table["mcuboot_primary"];
        return Sign(payload, primary.Address + HeaderSize, primary, version);
    }

    /// <summary>A C# deployment image (default: the build's) signed as MCUboot image 3 with this version.</summary>
    public byte[] Deployment(string version, string? deployment = null)
    {
        var partition = table["managed_deploy"];
        return Sign(File.ReadAllBytes(deployment ?? build.Artefact("managed_deploy.nfdeploy")), partition.Address + HeaderSize, partition, version);
    }

    /// <summary>
    /// The second stage linked for slot ("s0" or "s1") as an update (MCUboot image 2) with fw_info version
    /// fwInfoVersion: its fw_info edited, signed for b0, then for MCUboot as version N.0.0+0, as the build signs
    /// its own (tools/Build/FirmwareArtefacts.cs).
    /// </summary>
    public byte[] BootloaderUpdate(string slot, int fwInfoVersion)
    {
        var image = table[slot + "_image"];
        var payload = File.ReadAllBytes(build.SecondStageBinary(slot));
        if (FirmwareInfo.TryRead(payload, FirmwareInfo.Offset) is null)
            throw new DkException($"{build.SecondStageBinary(slot)} has no fw_info at 0x{FirmwareInfo.Offset:x}");
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(FirmwareInfo.Offset + 20), (uint)fwInfoVersion);
        var signed = B0Image.Sign(payload, image.Address, B0Key, (uint)fwInfoVersion);
        return ImageSigner.Sign(new FirmwareData(signed, image.Address), Options($"{fwInfoVersion}.0.0+0",
            (int)table[slot + "_pad"].Size, table[slot], table["mcuboot_secondary"].Size), McubootKey).ToBinary();
    }

    private byte[] Sign(byte[] payload, uint load, Partition partition, string version) =>
        ImageSigner.Sign(new FirmwareData(payload, load), Options(version, HeaderSize, partition, partition.Size), McubootKey).ToBinary();

    private SignOptions Options(string version, int headerSize, Partition partition, uint slotSize) => new()
    {
        Version = ImageVersion.Parse(version),
        HeaderSize = headerSize,
        PadHeader = true,
        Align = (int)table.MemoryOf(partition).WriteUnit,
        MaxAlign = (int)PartitionTable.MaxAlign,
        MaxSectors = table.Swap.MaxSectors,
        SlotSize = slotSize,
    };
}
