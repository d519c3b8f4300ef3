using System.Diagnostics;
using System.Security.Cryptography;
using Nrf5340Sdk.Smp.Protocol;

namespace Nrf5340Sdk.Smp.Commands;

/// <summary>How an upload is cut and paced; null sizes come from the device's buffer parameters.</summary>
public sealed record UploadOptions
{
    /// <summary>MCUboot image number (0 app, 1 net core, 2 bootloader, 3 C# deployment).</summary>
    public int Image { get; init; }

    /// <summary>Data bytes per chunk; default: what fits the device's buf_size and the link's packet limit.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>Chunks in flight; default: the device's buf_count - 1 (at least 1).</summary>
    public int? Window { get; init; }

    /// <summary>The first chunk may make the device erase its slot first.</summary>
    public TimeSpan FirstChunkTimeout { get; init; } = ImageUploader.EraseTimeout;
    public TimeSpan ChunkTimeout { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>The last chunk makes the device check the whole image.</summary>
    public TimeSpan LastChunkTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Lost or refused chunks in a row (no progress in between) before the upload gives up.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>Called with (bytes the device holds, total) whenever that grows.</summary>
    public Action<long, long>? Progress { get; init; }
}

/// <summary>What an upload did.</summary>
public sealed record UploadResult(long Length, long ResumedAt, int ChunkSize, int Window, bool? Match, TimeSpan Elapsed)
{
    public double KiBPerSecond => (Length - ResumedAt) / 1024.0 / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>
/// The image group's upload: the first chunk alone, with "len" and "sha" (SHA-256 of the whole file, which lets
/// the device resume an unfinished upload: its answer's "off" says where to go on), then a window of pipelined
/// chunks. Every answer carries the offset the device expects next; an answer below a chunk's end means the chunk
/// was dropped, and sending resumes from that offset. An answer of 0 in the middle means the device lost the
/// upload (it restarted), which starts it over with a first chunk.
/// </summary>
public sealed class ImageUploader(SmpSession session, UploadOptions options)
{
    /// <summary>Erasing a slot can take long on silicon: clients wait up to 40 s for such answers.</summary>
    public static readonly TimeSpan EraseTimeout = TimeSpan.FromSeconds(40);

    /// <summary>Fewer data bytes per chunk than this means buffers too small to be worth uploading through.</summary>
    public const int MinChunk = 32;

    private const int Alignment = 4;

    private readonly Dictionary<byte, (long Off, int Length)> inFlight = [];
    private byte[] file = [];
    private byte[] sha = [];
    private int chunk;
    private long acked;
    private long next;
    private bool? match;

    /// <summary>Uploads file; a device refusal throws SmpDeviceException, silence SmpTimeoutException.</summary>
    public UploadResult Upload(byte[] data, DeviceBuffers? buffers)
    {
        if (data.Length == 0)
            throw new ArgumentException("the file is empty");
        file = data;
        sha = SHA256.HashData(data);
        var device = buffers ?? DefaultBuffers;
        chunk = options.ChunkSize ?? ChunkFor(Math.Min(device.Size, session.Link.MaxPacket), options.Image, data.Length);
        if (chunk < MinChunk)
            throw new ArgumentException($"a chunk of {chunk} bytes is too small (device buf_size {device.Size})");
        int window = Math.Max(1, options.Window ?? device.Count - 1);
        var clock = Stopwatch.StartNew();
        long resumedAt = SendFirst();
        int failures = 0;
        while (acked < file.Length)
        {
            while (inFlight.Count < window && next < file.Length)
                SendChunk();
            var timeout = next >= file.Length ? options.LastChunkTimeout : options.ChunkTimeout;
            var r = session.Receive(timeout);
            if (r is null)
            {
                Fail(ref failures, $"no answer within {timeout.TotalSeconds:0.#} s at offset {acked}");
                continue;
            }
            if (r.Header.Group != SmpIds.ImageGroup || r.Header.Command != SmpIds.ImageUpload
                || !inFlight.Remove(r.Header.Sequence, out var sent))
                continue; // an answer to a chunk given up on
            if (r.Error is { } error)
                throw error;
            long off = Offset(r);
            if (off == 0 && sent.Off > 0)
            {
                SendFirst();
                continue;
            }
            if (off >= sent.Off + sent.Length)
            {
                if (off > acked)
                {
                    acked = off;
                    failures = 0;
                    options.Progress?.Invoke(acked, file.Length);
                }
                next = Math.Max(next, acked);
                match = r.Body.GetValueOrDefault("match") as bool? ?? match;
            }
            else
            {
                // The device dropped this chunk: everything after it is dropped too; go on from its offset.
                acked = off;
                Fail(ref failures, $"the device expects offset {off}, the chunk was at {sent.Off}");
            }
        }
        if (match == false)
            throw new SmpProtocolException("the device's SHA-256 of the upload differs from the file's (\"match\": false)");
        return new UploadResult(file.Length, resumedAt, chunk, window, match, clock.Elapsed);
    }

    /// <summary>With no parameters answer: a 512-byte buffer, one packet at a time.</summary>
    private static readonly DeviceBuffers DefaultBuffers = new(512, 1);

    /// <summary>The largest aligned data size whose first-chunk packet (the biggest) fits bufSize.</summary>
    public static int ChunkFor(int bufSize, int image, long length)
    {
        int overhead = SmpHeader.Size + FirstBody(image, length, length, new byte[32], []).Length;
        // The data's byte-string head grows from 1 byte (empty) to at most 5.
        int room = bufSize - overhead - 4;
        return room / Alignment * Alignment;
    }

    private static byte[] FirstBody(int image, long off, long length, byte[] sha, byte[] data) => image > 0
        ? CborBody.Encode(("image", image), ("len", length), ("off", off), ("sha", sha), ("data", data))
        : CborBody.Encode(("len", length), ("off", off), ("sha", sha), ("data", data));

    /// <summary>Sends the first chunk and waits for it (with retries); returns where the device resumes.</summary>
    private long SendFirst()
    {
        inFlight.Clear();
        int length = (int)Math.Min(chunk, file.Length);
        for (int failures = 0; ; )
        {
            var r = session.Request(SmpOp.Write, SmpIds.ImageGroup, SmpIds.ImageUpload,
                FirstBody(options.Image, 0, file.Length, sha, file[..length]), options.FirstChunkTimeout);
            long off = Offset(r);
            if (off > 0)
            {
                acked = next = off;
                match = r.Body.GetValueOrDefault("match") as bool?;
                options.Progress?.Invoke(acked, file.Length);
                return off > length ? off : 0;
            }
            Fail(ref failures, "the device did not take the first chunk (it answered offset 0)");
        }
    }

    private void SendChunk()
    {
        int length = (int)Math.Min(chunk, file.Length - next);
        byte seq = session.Send(SmpOp.Write, SmpIds.ImageGroup, SmpIds.ImageUpload,
            CborBody.Encode(("off", next), ("data", file.AsMemory((int)next, length))));
        inFlight[seq] = (next, length);
        next += length;
    }

    /// <summary>One more failure in a row: give up past the limit, else resend from the acknowledged offset.</summary>
    private void Fail(ref int failures, string what)
    {
        if (++failures > options.MaxFailures)
            throw new SmpTimeoutException($"upload to {session.Link.Name} stopped after {failures} failures in a row: {what}");
        inFlight.Clear();
        next = acked;
    }

    private long Offset(SmpResponse r)
    {
        long off = r.Int("off") ?? throw new SmpProtocolException("an upload answer has no \"off\"");
        if (off < 0 || off > file.Length)
            throw new SmpProtocolException($"an upload answer's \"off\" {off} lies outside the file (0..{file.Length})");
        return off;
    }
}
