using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Nrf5340Sdk.Smp.Protocol;

namespace Dk.Tests;

/// <summary>
/// The request frames four real SMP clients sent (../shared/vectors/smp), replayed byte for byte over UDP to the
/// simulated DK in the order each client sent them (raw UDP, not the client library's requests); every answer is
/// decoded with System.Formats.Cbor and checked field by field against what those clients need (the vectors' README).
/// </summary>
public class VectorReplayTests
{
    private static readonly string Folder = Path.Combine(TestDk.Build.Root, "..", "shared", "vectors", "smp");

    [DkTheory]
    [InlineData("mcumgr-cli")]
    [InlineData("smpclient")]
    [InlineData("mcumgr-web")]
    [InlineData("mcumgr-java")]
    public void Every_frame_of_a_client_gets_the_answer_it_needs(string client)
    {
        using var dk = TestDk.Booted();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        udp.Connect(IPAddress.Loopback, dk.UdpPort);
        long uploadExpected = 0;
        var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "index.json"))).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("client").GetString() == client).OrderBy(r => r.GetProperty("file").GetString(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string file = row.GetProperty("file").GetString()!;
            var request = File.ReadAllBytes(Path.Combine(Folder, file));
            int boots = dk.Dk.Boots;
            udp.Send(request);
            var answer = Receive(udp, file, dk);
            string where = $"{file}: answer {Convert.ToHexString(answer)}";

            // Header: op + 1, the request's version bits, flags 0, exact length, same group, sequence and command.
            Assert.True(answer.Length >= 8, where);
            Assert.True((answer[0] & 7) == (request[0] & 7) + 1, $"{where}: op");
            Assert.True(((answer[0] >> 3) & 3) == ((request[0] >> 3) & 3), $"{where}: version bits");
            Assert.True(answer[1] == 0, $"{where}: flags");
            Assert.True((answer[2] << 8 | answer[3]) == answer.Length - 8, $"{where}: length");
            Assert.True(answer.AsSpan(4, 4).SequenceEqual(request.AsSpan(4, 4)), $"{where}: group, sequence, command");

            var body = Decode(answer.AsMemory(8), where);
            var requestBody = request.Length > 8 ? Decode(request.AsMemory(8), file) : [];
            bool legacy = ((request[0] >> 3) & 3) == 0;
            if (legacy)
                Assert.False(body.ContainsKey("err"), $"{where}: a version-0 request gets legacy \"rc\" errors only");
            int group = request[4] << 8 | request[5];
            int command = request[7];
            switch ((group, command))
            {
                case (0, 0):
                    Assert.Equal(requestBody["d"], body.GetValueOrDefault("r"));
                    break;
                case (0, 6):
                    Assert.True(body.GetValueOrDefault("buf_size") is long size && size >= 70, $"{where}: buf_size");
                    Assert.True(body.GetValueOrDefault("buf_count") is long count && count >= 1, $"{where}: buf_count");
                    break;
                case (0, 8) when requestBody.ContainsKey("query"):
                    var mode = body.GetValueOrDefault("response") as Dictionary<string, object?> ?? body;
                    Assert.Equal(3L, mode.GetValueOrDefault("mode"));
                    break;
                case (0, 8):
                    Assert.Equal("MCUboot", body.GetValueOrDefault("bootloader"));
                    break;
                case (0, 7):
                    Assert.True(body.GetValueOrDefault("output") is string { Length: > 0 } || Rc(body) == 8, $"{where}: app info");
                    break;
                case (0, 4):
                    // Read: the clock, or RTC_NOT_SET (OS group 4) before any write; write: {}. Or not supported.
                    Assert.True(body.GetValueOrDefault("datetime") is string || body.Count == 0 || Rc(body) is 4 or 8
                        || GroupRc(body) == (0, 4), $"{where}: datetime");
                    break;
                case (0, 5):
                    Assert.Empty(body);
                    Assert.True(dk.Dk.WaitForLog($"[dk] boot {boots + 1}", TestDk.BootTimeout), $"{where}: no reset\n{dk.Tail()}");
                    dk.WaitUntilAnswering();
                    break;
                case (1, 0) when requestBody.GetValueOrDefault("hash") is not byte[]:
                    // State read, or confirm of the running image (hash absent, null or undefined).
                    CheckImages(body, where);
                    break;
                case (1, 0):
                    // Test or confirm of a hash this device does not hold (the capture's image never completes here).
                    Assert.True(legacy ? Rc(body) is > 0 : Rc(body) is > 0 || GroupRc(body) == (1, 8), $"{where}: hash refused");
                    break;
                case (1, 1):
                    long off = (long)requestBody["off"]!;
                    long length = ((byte[])requestBody["data"]!).Length;
                    if (off == 0)
                        uploadExpected = 0;
                    if (off == uploadExpected)
                        uploadExpected += length;
                    Assert.True(body.GetValueOrDefault("off") is long got && got == uploadExpected, $"{where}: expected off {uploadExpected}");
                    break;
                case (1, 5):
                case (63, 0):
                    Assert.Empty(body);
                    break;
                default:
                    Assert.Fail($"{where}: no oracle for group {group} command {command}");
                    break;
            }
        }
    }

    private static void CheckImages(Dictionary<string, object?> body, string where)
    {
        var images = Assert.IsType<List<object?>>(body.GetValueOrDefault("images"));
        Assert.NotEmpty(images);
        foreach (var item in images)
        {
            var e = Assert.IsType<Dictionary<string, object?>>(item);
            Assert.True(e.GetValueOrDefault("slot") is long and (0 or 1), $"{where}: slot");
            Assert.Matches(@"^\d+\.\d+\.\d+(\.\d+)?$", Assert.IsType<string>(e.GetValueOrDefault("version")));
            Assert.Equal(32, Assert.IsType<byte[]>(e.GetValueOrDefault("hash")).Length);
        }
        Assert.Contains(images, i => i is Dictionary<string, object?> e && e.GetValueOrDefault("slot") is 0L
            && e.GetValueOrDefault("active") is true && e.GetValueOrDefault("confirmed") is true);
    }

    private static long? Rc(Dictionary<string, object?> body) => body.GetValueOrDefault("rc") as long?;

    private static (long, long)? GroupRc(Dictionary<string, object?> body) =>
        body.GetValueOrDefault("err") is Dictionary<string, object?> err && err.GetValueOrDefault("group") is long g
            && err.GetValueOrDefault("rc") is long rc ? (g, rc) : null;

    private static byte[] Receive(UdpClient udp, string file, TestDk dk)
    {
        var task = udp.ReceiveAsync();
        Assert.True(task.Wait(TimeSpan.FromSeconds(40)), $"{file}: no answer\n{dk.Tail()}");
        return task.Result.Buffer;
    }

    /// <summary>System.Formats.Cbor through the client's reader (it accepts definite and indefinite lengths).</summary>
    private static Dictionary<string, object?> Decode(ReadOnlyMemory<byte> body, string where)
    {
        try
        {
            return CborBody.Decode(body);
        }
        catch (SmpProtocolException e)
        {
            throw new Xunit.Sdk.XunitException($"{where}: {e.Message}");
        }
    }
}
