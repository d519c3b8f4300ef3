using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nrf5340Sdk.Conformance.Tests;

/// <summary>The default app as the build deploys it, on the host runtime with an SMP port.</summary>
public class SampleAppTests
{
    [Fact]
    public async Task The_default_app_says_ready_and_answers_SMP_over_UDP()
    {
        var image = Path.Combine(ConformanceTests.Root, "build", "artefacts", "managed_deploy.nfdeploy");
        Assert.True(File.Exists(image), $"{image} is missing: ./build.sh build writes it");
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        var start = new ProcessStartInfo(ConformanceTests.Runtime()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--smp-udp", $"{port}", image })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var timeout = TimeSpan.FromSeconds(30);
        try
        {
            string? line;
            do
                line = await p.StandardOutput.ReadLineAsync().WaitAsync(timeout);
            while (line != null && !line.StartsWith("ready"));
            Assert.Equal($"ready: SMP server on udp 127.0.0.1:{port}", line);

            using var udp = new UdpClient();
            // mcumgr parameters (group 0, id 6), as nRF Connect Device Manager sends it first.
            var parameters = new byte[] { 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0xff, 0x06, 0xa0 };
            await udp.SendAsync(parameters, new IPEndPoint(IPAddress.Loopback, port));
            var answer = (await udp.ReceiveAsync().WaitAsync(timeout)).Buffer;
            Assert.Equal(new byte[] { 0x01, 0x00 }, answer[..2]); // read response, SMP v1
            Assert.Equal(new byte[] { 0x00, 0x00, 0xff, 0x06 }, answer[4..8]);
            Assert.Contains("buf_size", System.Text.Encoding.ASCII.GetString(answer));
        }
        finally
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
    }
}
