using nanoFramework.Hardware.Nrf;

namespace Nrf5340Sdk.Board.Tests;

public class RealTableTests
{
    private readonly PartitionTable table = TableFiles.LoadReal();

    [Theory]
    // The NCS b0 + S1 + MCUboot defaults the layout starts from (ncs-bootchain.md §1.7), and the net core's.
    [InlineData("b0", 0x00000u, 0x8000u)]
    [InlineData("s0_pad", 0x08000u, 0x200u)]
    [InlineData("s0_image", 0x08200u, 0xC000u)]
    [InlineData("s1_pad", 0x18000u, 0x200u)]
    [InlineData("s1_image", 0x18200u, 0xC000u)]
    [InlineData("provision", 0x00FF8100u, 0x280u)]
    [InlineData("b0n_container", 0x01000000u, 0x8800u)]
    [InlineData("net_app", 0x01008800u, 0x37800u)]
    public void Keeps_the_nrf_connect_sdk_defaults(string name, uint address, uint size)
    {
        Assert.Equal(address, table[name].Address);
        Assert.Equal(size, table[name].Size);
    }

    [Fact]
    public void Mcuboot_slots_start_at_0x28000_with_equal_sizes_and_settings_end_the_flash()
    {
        Assert.Equal(0x28000u, table["mcuboot_primary"].Address);
        Assert.Equal(table["mcuboot_primary"].Size, table["mcuboot_secondary"].Size);
        Assert.Equal(0x100000u, table["settings_storage"].End);
        Assert.Equal(32u * 1024, table["settings_storage"].Size);
    }

    [Fact]
    public void Image_numbers_are_app_net_bootloader_managed()
    {
        Assert.Equal([0, 1, 2, 3], new[] { "app", "net", "bootloader", "managed" }.Select(n => table.Image(n).Number));
    }

    [Fact]
    public void Swap_move_keeps_one_sector_and_the_trailer_free()
    {
        // 80 sectors; trailer 128*3*4 + 4*8 + 16 = 1584 bytes fits one 4 KiB page; one more page for the move.
        Assert.Equal(0x50000u - 2 * 0x1000u, table.MaxImageSize(table["mcuboot_primary"]));
    }

    [Fact]
    public void Generated_header_defines_every_partition_with_its_values()
    {
        var header = CHeaderGenerator.Generate(table);
        foreach (var p in table.Partitions)
        {
            var name = p.Name.ToUpperInvariant();
            Assert.Contains($"#define PM_{name}_ADDRESS".PadRight(49) + $"0x{p.Address:X8}u", header);
            Assert.Contains($"#define PM_{name}_SIZE".PadRight(49) + $"0x{p.Size:X8}u", header);
        }
        Assert.Contains("#define IMAGE_NUMBER_BOOTLOADER".PadRight(49) + "2", header);
    }

    [Fact]
    public void Linker_regions_put_the_app_after_its_mcuboot_header()
    {
        var ld = LinkerRegionsGenerator.Generate(table, table["mcuboot_primary"]);
        Assert.Contains("FLASH          (rx ) : ORIGIN = 0x00028200, LENGTH = 0x0004DE00", ld);
        Assert.Contains("RAM            (rwx) : ORIGIN = 0x20004000, LENGTH = 0x0006BC00", ld);
        Assert.Contains("RAM_RETAINED   (rw ) : ORIGIN = 0x2006FC00, LENGTH = 0x00000400", ld);
    }

    [Fact]
    public void Linker_regions_exist_only_for_partitions_that_hold_code()
    {
        var files = LinkerRegionsGenerator.Generate(table).Select(f => f.FileName).ToList();
        Assert.Equal(["memory_b0.ld", "memory_s0_image.ld", "memory_s1_image.ld", "memory_mcuboot_primary.ld"], files);
    }

    [Fact]
    public void Generated_csharp_constants_compile_and_agree_with_the_table()
    {
        Assert.Equal(BoardPartitions.S1ImageAddress, table["s1_image"].Address);
        Assert.Equal(BoardPartitions.ManagedDeploySize, table["managed_deploy"].Size);
        Assert.Equal(BoardPartitions.ManagedImageNumber, table.Image("managed").Number);
        Assert.Equal(CSharpConstantsGenerator.Generate(table),
            File.ReadAllText(Path.Combine(TableFiles.RepoRoot, "build", "generated", CSharpConstantsGenerator.FileName)));
    }
}
