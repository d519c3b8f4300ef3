using Nrf5340Sdk.Smp.Cli;
using Nrf5340Sdk.Smp.Protocol;

namespace SmpClient.Tests;

/// <summary>The `smp` command line: output, error text and exit codes.</summary>
public class CommandLineTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => SmpCommandLine.RunCaptured(args);

    [Fact]
    public void Echo_prints_the_answer()
    {
        using var device = new FakeDevice((_, body) => CborBody.Encode(("r", body["d"])));
        var (exit, output, _) = Run("echo", "hello", "--conn", device.Connection);
        Assert.Equal(0, exit);
        Assert.Equal("hello", output.Trim());
    }

    [Fact]
    public void A_refusal_prints_group_code_name_and_reason_with_exit_1()
    {
        using var device = new FakeDevice((_, _) => FakeDevice.GroupError(1, 8, "no image has this hash"));
        var (exit, _, errors) = Run("image", "test", new string('a', 64), "-c", device.Connection);
        Assert.Equal(1, exit);
        Assert.Equal("error: image group: HASH_NOT_FOUND (8): no image has this hash", errors.Trim());
    }

    [Theory]
    [InlineData("bogus:1", "unknown connection")]
    [InlineData("udp:127.0.0.1", "needs udp:HOST:PORT")]
    public void A_bad_connection_string_exits_2(string connection, string message)
    {
        var (exit, _, errors) = Run("echo", "x", "--conn", connection);
        Assert.Equal(2, exit);
        Assert.Contains(message, errors);
    }

    [Fact]
    public void A_bad_hash_and_a_missing_file_exit_2()
    {
        using var device = new FakeDevice((_, _) => CborBody.Encode());
        Assert.Contains("32 bytes", Run("image", "test", "abcd", "-c", device.Connection).Err);
        var (exit, _, errors) = Run("image", "upload", "/nonexistent/app.bin", "-c", device.Connection);
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", errors);
    }

    [Fact]
    public void Silence_exits_3()
    {
        using var device = new FakeDevice((_, _) => null);
        var (exit, _, errors) = Run("params", "-c", device.Connection, "--timeout", "0.2", "--retries", "0");
        Assert.Equal(3, exit);
        Assert.Contains("did not answer", errors);
    }

    [Fact]
    public void Upload_reports_size_chunk_and_window()
    {
        var target = new FakeUploadTarget();
        using var device = new FakeDevice((h, body) => h.Command == SmpIds.Params
            ? CborBody.Encode(("buf_size", 1024), ("buf_count", 3))
            : target.Handle(body));
        string file = Path.GetTempFileName();
        var data = new byte[10_000];
        new Random(5).NextBytes(data);
        File.WriteAllBytes(file, data);
        var (exit, output, _) = Run("image", "upload", file, "-c", device.Connection);
        Assert.Equal(0, exit);
        Assert.Contains("10000 bytes as image 0", output);
        Assert.Contains("window 2", output);
        Assert.Equal(data, target.Stored);
    }
}
