using System.Text.Json.Nodes;

namespace Nrf5340Sdk.Board.Tests;

/// <summary>Each broken table is refused with a message that names the partition at fault.</summary>
public class BadTableTests
{
    private static string Refusal(Action<JsonObject> edit) =>
        Assert.Throws<BoardTableException>(() => TableFiles.LoadEdited(edit)).Message;

    [Fact]
    public void Overlapping_partitions_are_refused()
    {
        var m = Refusal(t => TableFiles.Partition(t, "mcuboot_secondary")["address"] = "0x77000");
        Assert.Contains("partition 'mcuboot_secondary': 0x77000 overlaps 'mcuboot_primary'", m);
    }

    [Fact]
    public void A_partition_not_on_a_page_boundary_is_refused()
    {
        var m = Refusal(t => TableFiles.Partition(t, "settings_storage")["size"] = "0x7800");
        Assert.Contains("partition 'settings_storage'", m);
        Assert.Contains("0x1000 flash page", m);
    }

    [Fact]
    public void A_locked_partition_off_the_16k_spu_grid_is_refused()
    {
        var m = Refusal(t =>
        {
            TableFiles.Partition(t, "b0")["size"] = "0x6000";
        });
        Assert.Contains("partition 'b0': locked partitions must start and end on 0x4000 SPU regions", m);
    }

    [Fact]
    public void A_partition_beyond_its_memory_is_refused()
    {
        var m = Refusal(t => TableFiles.Partition(t, "settings_storage")["size"] = "0x9000");
        Assert.Contains("partition 'settings_storage': 0xF8000..0x101000 is outside memory 'flash'", m);
    }

    [Fact]
    public void A_child_outside_its_parent_is_refused()
    {
        var m = Refusal(t => TableFiles.Partition(t, "s0_image")["size"] = "0x10000");
        Assert.Contains("partition 's0_image': lies outside its parent 's0'", m);
    }

    [Fact]
    public void Unknown_memory_parent_and_duplicates_are_refused()
    {
        Assert.Contains("partition 'b0': unknown memory 'flsh'",
            Refusal(t => TableFiles.Partition(t, "b0")["memory"] = "flsh"));
        Assert.Contains("partition 's0_pad': parent 's9' is not in the table",
            Refusal(t => TableFiles.Partition(t, "s0_pad")["parent"] = "s9"));
        Assert.Contains("partition 'b0': defined 2 times",
            Refusal(t => t["partitions"]!.AsArray().Add(JsonNode.Parse(
                """{ "name": "b0", "memory": "flash", "address": "0xF0000", "size": "0x1000" }"""))));
    }

    [Fact]
    public void A_malformed_number_is_refused_naming_field_and_partition()
    {
        var m = Refusal(t => TableFiles.Partition(t, "managed_deploy")["size"] = "128k");
        Assert.Contains("partition 'managed_deploy': 'size' = 128k is not a 32-bit number", m);
    }

    [Fact]
    public void An_image_slot_that_is_missing_or_too_big_for_the_swap_status_is_refused()
    {
        Assert.Contains("image 'app': partition 'mcuboot_tertiary' is not in the table", Refusal(t =>
            t["images"]!.AsArray()[0]!["secondary"] = "mcuboot_tertiary"));
        Assert.Contains("partition 'mcuboot_primary': 80 sectors exceed swap max_sectors 64", Refusal(t =>
            t["swap"]!["max_sectors"] = 64));
    }

    [Fact]
    public void Link_ram_must_be_ram_of_the_same_core()
    {
        var m = Refusal(t => TableFiles.Partition(t, "b0")["link"] = JsonNode.Parse("""{ "ram": "net_ram" }"""));
        Assert.Contains("partition 'b0': link.ram 'net_ram' must be a RAM partition of the app core", m);
    }

    [Fact]
    public void An_artefact_larger_than_its_partition_is_named_with_the_overflow()
    {
        var table = TableFiles.LoadReal();
        var message = PartitionTableValidator.CheckFits(table["b0"], "b0.bin", 0x8010, table["b0"].Size);
        Assert.Equal("partition 'b0': b0.bin is 32784 bytes (0x8010), 16 bytes over its 32768 (0x8000) bytes: " +
                     "shrink the image or grow 'b0' in partitions.json", message);
        Assert.Null(PartitionTableValidator.CheckFits(table["b0"], "b0.bin", 0x8000, table["b0"].Size));
    }
}
