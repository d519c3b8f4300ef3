using System.Security.Cryptography;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace SmpClient.Tests;

/// <summary>The upload's chunking, window, resume and failure handling against an in-process upload target.</summary>
public class UploadTests
{
    private static readonly byte[] File64K = RandomNumberGenerator.GetBytes(64 * 1024 + 123);

    private static UploadOptions Fast => new()
    {
        FirstChunkTimeout = TimeSpan.FromSeconds(1), ChunkTimeout = TimeSpan.FromMilliseconds(300),
        LastChunkTimeout = TimeSpan.FromMilliseconds(300),
    };

    private static (FakeDevice Device, FakeUploadTarget Target) Device(Func<int, bool>? drop = null)
    {
        var target = new FakeUploadTarget();
        int n = 0;
        var device = new FakeDevice((h, body) =>
        {
            if (h.Group != SmpIds.ImageGroup || h.Command != SmpIds.ImageUpload)
                return CborBody.Encode(("rc", 8));
            if (drop?.Invoke(++n) == true)
                return null;
            return target.Handle(body);
        });
        return (device, target);
    }

    private static UploadResult Upload(FakeDevice device, byte[] file, DeviceBuffers? buffers, UploadOptions? options = null)
    {
        using var session = new SmpSession(SmpLinks.Open(device.Connection), new SmpTimeouts(TimeSpan.FromSeconds(1), 1));
        return new ImageUploader(session, options ?? Fast).Upload(file, buffers);
    }

    [Fact]
    public void Chunks_fill_the_devices_buffer_and_a_window_of_buf_count_minus_one_is_in_flight()
    {
        var (device, target) = Device();
        using var _ = device;
        var result = Upload(device, File64K, new DeviceBuffers(1024, 4));
        Assert.Equal(File64K, target.Stored);
        Assert.True(result.Match);
        Assert.Equal(3, result.Window);
        Assert.Equal(3, device.LargestBatch);
        Assert.InRange(device.Requests.Max(r => r.Size), 1024 - 8, 1024);
        Assert.Equal(0, result.ChunkSize % 4);
        var first = device.Requests[0].Body;
        Assert.Equal((long)File64K.Length, first["len"]);
        Assert.Equal(SHA256.HashData(File64K), first["sha"]);
        Assert.False(first.ContainsKey("image"));
        Assert.All(device.Requests.Skip(1), r => Assert.Equal(["data", "off"], r.Body.Keys.Order()));
    }

    [Fact]
    public void The_image_number_goes_in_the_first_chunk_only()
    {
        var (device, target) = Device();
        using var _ = device;
        Upload(device, File64K[..5000], new DeviceBuffers(512, 2), Fast with { Image = 2 });
        Assert.Equal(2L, device.Requests[0].Body["image"]);
        Assert.All(device.Requests.Skip(1), r => Assert.False(r.Body.ContainsKey("image")));
        Assert.Equal(File64K[..5000], target.Stored);
        Assert.All(device.Requests, r => Assert.True(r.Size <= 512));
    }

    [Fact]
    public void Udp_packets_stay_within_the_udp_mtu_whatever_buf_size_says()
    {
        var (device, target) = Device();
        using var _ = device;
        Upload(device, File64K, new DeviceBuffers(4096, 2));
        Assert.Equal(File64K, target.Stored);
        Assert.InRange(device.Requests.Max(r => r.Size), UdpLink.Mtu - 8, UdpLink.Mtu);
    }

    [Fact]
    public void Lost_chunks_are_sent_again_from_the_devices_offset()
    {
        var (device, target) = Device(drop: n => n % 7 == 3);
        using var _ = device;
        var result = Upload(device, File64K, new DeviceBuffers(2048, 5));
        Assert.Equal(File64K, target.Stored);
        Assert.True(result.Match);
    }

    [Fact]
    public void An_unfinished_upload_of_the_same_file_resumes_where_the_device_stopped()
    {
        var (device, target) = Device();
        using var _ = device;
        Assert.Throws<SmpTimeoutException>(() =>
        {
            int n = 0;
            var handler = device.Handler;
            device.Handler = (h, b) => ++n > 20 ? null : handler(h, b);
            Upload(device, File64K, new DeviceBuffers(1024, 2));
        });
        long stoppedAt = target.Expected;
        Assert.InRange(stoppedAt, 1, File64K.Length - 1);
        device.Handler = (h, b) => target.Handle(b);
        device.Requests.Clear();
        var result = Upload(device, File64K, new DeviceBuffers(1024, 2));
        Assert.Equal(stoppedAt, result.ResumedAt);
        Assert.Equal(File64K, target.Stored);
        Assert.Equal(0L, device.Requests[0].Body["off"]);
        Assert.Equal(stoppedAt, device.Requests[1].Body["off"]);
    }

    [Fact]
    public void A_device_that_restarts_mid_upload_gets_a_new_first_chunk()
    {
        var (device, target) = Device();
        using var _ = device;
        int n = 0;
        device.Handler = (h, body) =>
        {
            if (++n == 10)
            {
                target.Sha = null;
                target.Expected = 0;
            }
            return target.Handle(body);
        };
        var result = Upload(device, File64K, new DeviceBuffers(1024, 3));
        Assert.Equal(File64K, target.Stored);
        Assert.True(result.Match);
        Assert.Equal(2, device.Requests.Count(r => r.Body.ContainsKey("sha")));
    }

    [Fact]
    public void A_refusal_stops_the_upload_with_the_devices_reason()
    {
        var (device, _) = Device();
        using var __ = device;
        device.Handler = (_, _) => FakeDevice.GroupError(1, 30, "image of 400000 bytes exceeds the slot");
        var e = Assert.Throws<SmpDeviceException>(() => Upload(device, File64K, new DeviceBuffers(1024, 3)));
        Assert.Equal("image group: INVALID_IMAGE_TOO_LARGE (30): image of 400000 bytes exceeds the slot", e.Message);
        Assert.Single(device.Requests);
    }

    [Fact]
    public void Answers_without_off_or_with_a_false_match_are_errors()
    {
        var (device, target) = Device();
        using var _ = device;
        device.Handler = (_, _) => CborBody.Encode();
        Assert.Contains("no \"off\"", Assert.Throws<SmpProtocolException>(() => Upload(device, File64K, null)).Message);

        device.Handler = (_, b) => CborBody.Encode(("off", 1L << 40));
        Assert.Contains("outside the file", Assert.Throws<SmpProtocolException>(() => Upload(device, File64K, null)).Message);

        device.Handler = (_, b) =>
        {
            var answer = CborBody.Decode(target.Handle(b));
            return answer.ContainsKey("match") ? CborBody.Encode(("off", answer["off"]), ("match", false)) : CborBody.Encode(("off", answer["off"]));
        };
        Assert.Contains("match", Assert.Throws<SmpProtocolException>(() => Upload(device, File64K[..3000], new DeviceBuffers(1024, 2))).Message);
    }

    [Fact]
    public void A_silent_device_stops_the_upload_in_bounded_time()
    {
        var (device, target) = Device();
        using var _ = device;
        int n = 0;
        var handler = device.Handler;
        device.Handler = (h, b) => ++n <= 3 ? handler(h, b) : null;
        var started = DateTime.UtcNow;
        var e = Assert.Throws<SmpTimeoutException>(() => Upload(device, File64K, new DeviceBuffers(1024, 3)));
        Assert.Contains("failures in a row", e.Message);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Chunk_size_leaves_room_for_the_first_chunks_fields()
    {
        int chunk = ImageUploader.ChunkFor(512, 0, 300_000);
        var body = CborBody.Encode(("len", 300_000L), ("off", 0L), ("sha", new byte[32]), ("data", new byte[chunk]));
        Assert.InRange(SmpHeader.Size + body.Length, 512 - 8, 512);
        var (device, _) = Device();
        using var __ = device;
        Assert.Throws<ArgumentException>(() => Upload(device, File64K, new DeviceBuffers(64, 2)));
        Assert.Throws<ArgumentException>(() => Upload(device, [], new DeviceBuffers(512, 2)));
    }
}
