using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using nanoFramework.McuMgr;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace SmpClient.Tests;

/// <summary>
/// The client against the SMP server's own code (managed/nanoFramework.McuMgr, host build) served over loopback
/// UDP and a TCP byte stream, with the device behind it in memory: headers, CBOR shapes, errors with their reason,
/// the upload with its window and resume, all as the two sides actually speak them.
/// </summary>
public class ServerInteropTests
{
    /// <summary>The flash side in memory: one running app, the upload slot, a verdict that can refuse.</summary>
    private sealed class MemorySlots : IImageSlots
    {
        public static readonly byte[] RunningHash = SHA256.HashData("running app"u8);
        public byte[] Upload = [];
        public int Image;
        public bool Finished, Pending;
        public string? Refusal;

        public SlotState[] Read()
        {
            var running = new SlotState { Image = 0, Slot = 0, Version = "1.0.0", Hash = RunningHash, Bootable = true, Active = true, Confirmed = true };
            return Finished
                ? [running, new SlotState { Image = Image, Slot = 1, Version = "2.0.0", Hash = BootloaderVariant.ImageHashOf(Upload, "upload"), Bootable = true, Pending = Pending }]
                : [running];
        }

        public int SetPending(int image, bool permanent)
        {
            Pending = true;
            return 0;
        }

        public int ConfirmRunning() => 0;
        public int MaxImageSize(int image) => 0x58000;

        public int UploadBegin(int image, int length)
        {
            (Image, Upload, Finished, Pending) = (image, new byte[length], false, false);
            return 0;
        }

        public int UploadWrite(int offset, byte[] data, int dataOffset, int count)
        {
            Array.Copy(data, dataOffset, Upload, offset, count);
            return 0;
        }

        public UploadVerdict UploadFinish()
        {
            Finished = Refusal is null;
            return new UploadVerdict { Sha256 = SHA256.HashData(Upload), Error = Refusal is null ? 0 : 22, Reason = Refusal };
        }

        public int EraseUpload()
        {
            (Upload, Finished) = ([], false);
            return 0;
        }
    }

    private sealed class MemoryDevice : IDeviceServices
    {
        public int Resets;
        public void Reset() => Resets++;
        public int BootloaderMode => 3;
        public bool NoDowngrade => false;
        public int ActiveB0Slot => 1;
        public string AppInfo(char field) => "sim";
        public long UtcTicks { get; set; } = -1;
        public int EraseStorage() => 0;
    }

    /// <summary>Loopback UDP (one datagram per packet) or one accepted TCP connection (a byte stream).</summary>
    private sealed class LoopbackTransport : ISmpTransport, IDisposable
    {
        private readonly Socket socket;
        private Socket? stream;
        private EndPoint peer = new IPEndPoint(IPAddress.Loopback, 0);

        public LoopbackTransport(bool isStream)
        {
            IsStream = isStream;
            socket = isStream ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            if (isStream)
                socket.Listen();
        }

        public string Connection => $"{(IsStream ? "tcp" : "udp")}:127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}";
        public bool IsStream { get; }
        public int MaxReceive => 4096;

        public int Receive(byte[] buffer, int timeoutMs)
        {
            if (IsStream && stream is null)
            {
                if (!socket.Poll(timeoutMs * 1000, SelectMode.SelectRead))
                    return 0;
                stream = socket.Accept();
            }
            var from = stream ?? socket;
            if (!from.Poll(timeoutMs * 1000, SelectMode.SelectRead))
                return 0;
            return IsStream ? from.Receive(buffer) : socket.ReceiveFrom(buffer, ref peer);
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            if (stream is not null)
                stream.Send(buffer, offset, count, SocketFlags.None);
            else
                socket.SendTo(buffer, offset, count, SocketFlags.None, peer);
        }

        public void Dispose()
        {
            stream?.Dispose();
            socket.Dispose();
        }
    }

    private sealed class Served : IDisposable
    {
        public readonly MemorySlots Slots = new();
        public readonly MemoryDevice Device = new();
        public readonly LoopbackTransport Transport;
        private readonly SmpServer server;
        private readonly Thread thread;

        public Served(bool stream)
        {
            Transport = new LoopbackTransport(stream);
            server = new SmpServer(Slots, Device);
            thread = new Thread(() => server.Run(Transport)) { IsBackground = true };
            thread.Start();
        }

        public SmpSession Session() => new(SmpLinks.Open(Transport.Connection), new SmpTimeouts(TimeSpan.FromSeconds(2), 1));

        public void Dispose()
        {
            server.Stop();
            thread.Join();
            Transport.Dispose();
        }
    }

    private static readonly byte[] Image = SignedImage(40_000);

    private static byte[] SignedImage(int payload)
    {
        var key = ImageTool.Keys.KeyFile.LoadPrivate(Path.Combine(RepoRoot.Path, "bootloader", "keys", "DEVELOPMENT-ONLY-mcuboot-p256.pem"), TextWriter.Null);
        var data = new byte[payload];
        new Random(3).NextBytes(data);
        return ImageTool.Mcuboot.ImageSigner.Sign(new ImageTool.Files.FirmwareData(data, 0x28200),
            new ImageTool.Mcuboot.SignOptions { Version = ImageTool.Mcuboot.ImageVersion.Parse("2.0.0"), HeaderSize = 0x200, PadHeader = true }, key).ToBinary();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Commands_and_an_upload_work_against_the_server(bool stream)
    {
        using var served = new Served(stream);
        using var session = served.Session();
        var m = new McuMgr(session);
        Assert.Equal("ping", m.Echo("ping"));
        var buffers = m.Params();
        Assert.Equal(new DeviceBuffers(SmpServer.DefaultBufferSize, SmpServer.BufferCount), buffers);
        Assert.Equal(new BootloaderInfo("MCUboot", 3, false, 1), m.BootloaderInfo());
        var running = Assert.Single(m.ImageList());
        Assert.Equal(MemorySlots.RunningHash, running.Hash);

        var result = new ImageUploader(session, new UploadOptions()).Upload(Image, buffers);
        Assert.Equal(Image, served.Slots.Upload);
        Assert.True(result.Match);
        var hash = BootloaderVariant.ImageHashOf(Image, "image");
        Assert.Contains(m.ImageTest(hash), s => s is { Slot: 1, Pending: true } && s.Hash!.SequenceEqual(hash));
        m.StorageErase();
        Assert.True(m.Reset());
        Assert.Equal(SmpHeader.V2, session.Version);
    }

    [Fact]
    public void An_interrupted_upload_resumes_and_a_refusal_carries_the_bootloaders_reason()
    {
        using var served = new Served(stream: false);
        using var session = served.Session();
        var m = new McuMgr(session);
        var buffers = m.Params();
        // The first 5 chunks, then the upload starts over: the server resumes at the offset it reached.
        int chunk = ImageUploader.ChunkFor(Math.Min(buffers!.Size, UdpLink.Mtu), 0, Image.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageUploader(session, new UploadOptions
        {
            Progress = (done, _) => { if (done >= 5 * chunk) throw new ArgumentOutOfRangeException(nameof(done)); },
        }).Upload(Image, buffers));
        var resumed = new ImageUploader(session, new UploadOptions()).Upload(Image, buffers);
        Assert.Equal(5 * chunk, resumed.ResumedAt);
        Assert.Equal(Image, served.Slots.Upload);

        served.Slots.Refusal = "bootloader update refused: image is linked for S0 but S0 is running; upload the S1 variant";
        var e = Assert.Throws<SmpDeviceException>(() => new ImageUploader(session, new UploadOptions { Image = 2 }).Upload(Image, buffers));
        Assert.Equal($"image group: INVALID_IMAGE_HEADER (22): {served.Slots.Refusal}", e.Message);

        var missing = Assert.Throws<SmpDeviceException>(() => m.ImageTest(new byte[32]));
        Assert.Equal((1, 8), (missing.Group, missing.Rc));
    }
}
