using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>b0's provisioning data (S0/S1 addresses, key hash, counter slots) for the UICR OTP, as Intel HEX.</summary>
public static class ProvisioningArtefact
{
    /// <summary>NCS's default number of b0 version-counter slots when MCUboot is the second stage.</summary>
    public const int VersionCounterSlots = 20;

    public static string FilePath => Path.Combine(Repo.ArtefactsDir, "provision.hex");

    public static void Write(PartitionTable t, Keys keys)
    {
        Log.Section("provisioning data");
        var provision = t["provision"];
        var image = Provisioning.Build(new ProvisioningRequest
        {
            S0Address = t["s0"].Address,
            S1Address = t["s1"].Address,
            Keys = [KeyFile.LoadPublic(keys.B0)],
            ProvisionAddress = provision.Address,
            MaxSize = (int)provision.Size,
            VersionCounterSlots = VersionCounterSlots,
        });
        Directory.CreateDirectory(Repo.ArtefactsDir);
        File.WriteAllText(FilePath, IntelHex.Write(image));
        Log.Step(Path.GetRelativePath(Repo.Root, FilePath));
    }
}
