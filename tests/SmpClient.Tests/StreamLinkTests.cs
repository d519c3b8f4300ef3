using System.Net;
using System.Net.Sockets;
using System.Text;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace SmpClient.Tests;

/// <summary>The tcp: transport: mcumgr's serial framing over a byte stream, with a console log in between.</summary>
public class StreamLinkTests
{
    /// <summary>A UART-like responder on a TCP port: decodes frames, logs a console line, answers framed.</summary>
    private sealed class FakeUart : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly FakeUploadTarget target = new();

        public FakeUart()
        {
            listener.Start();
            new Thread(Serve) { IsBackground = true }.Start();
        }

        public string Connection => $"tcp:127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        public byte[] Stored => target.Stored;

        private void Serve()
        {
            using var client = listener.AcceptTcpClient();
            var stream = client.GetStream();
            var decoder = new SerialDecoder();
            var buffer = new byte[4096];
            int n;
            while ((n = stream.Read(buffer)) > 0)
                foreach (var packet in decoder.Feed(buffer.AsSpan(0, n)))
                {
                    var header = SmpHeader.Read(packet);
                    var body = CborBody.Decode(packet.AsMemory(SmpHeader.Size));
                    byte[] answer = header.Command == SmpIds.ImageUpload && header.Group == SmpIds.ImageGroup
                        ? target.Handle(body)
                        : header.Command == SmpIds.Params ? CborBody.Encode(("buf_size", 2048), ("buf_count", 4))
                        : CborBody.Encode(("r", body.GetValueOrDefault("d")));
                    stream.Write(Encoding.ASCII.GetBytes("[00:00:01.000] <inf> smp: request handled\r\n"));
                    stream.Write(SerialFraming.Encode(SmpHeader.Packet(header with { Op = header.Op + 1 }, answer)));
                }
        }

        public void Dispose() => listener.Stop();
    }

    [Fact]
    public void Echo_and_upload_go_through_the_serial_framing()
    {
        using var uart = new FakeUart();
        using var session = new SmpSession(SmpLinks.Open(uart.Connection));
        var m = new McuMgr(session);
        Assert.Equal("over the wire", m.Echo("over the wire"));
        var file = new byte[20_000];
        new Random(7).NextBytes(file);
        var result = new ImageUploader(session, new UploadOptions()).Upload(file, m.Params());
        Assert.Equal(file, uart.Stored);
        Assert.True(result.Match);
        Assert.Equal(3, result.Window);
    }

    [Fact]
    public void Nobody_listening_is_a_clear_error() =>
        Assert.Contains("cannot connect", Assert.Throws<ArgumentException>(() => SmpLinks.Open("tcp:127.0.0.1:1")).Message);
}
