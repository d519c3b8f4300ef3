using System.Security.Cryptography;
using Nrf5340Sdk.Smp.Protocol;

namespace SmpClient.Tests;

/// <summary>
/// The device side of an upload as mcumgr specifies it: a first chunk with len and sha starts (or, with the sha
/// of an unfinished upload, resumes) a session; a chunk at any other offset than the expected one is dropped and
/// answered with the expected offset; the last answer carries "match".
/// </summary>
public sealed class FakeUploadTarget
{
    public byte[] Stored = [];
    public long Expected;
    public byte[]? Sha;

    public byte[] Handle(Dictionary<string, object?> body)
    {
        long off = (long)body["off"]!;
        var data = (byte[])body["data"]!;
        if (off == 0)
        {
            var sha = (byte[])body["sha"]!;
            if (Sha is not null && sha.AsSpan().SequenceEqual(Sha) && Expected > 0)
                return CborBody.Encode(("off", Expected));
            Stored = new byte[(long)body["len"]!];
            Sha = sha;
            Expected = 0;
        }
        if (off != Expected)
            return CborBody.Encode(("off", Expected));
        data.CopyTo(Stored, off);
        Expected += data.Length;
        return Expected == Stored.Length
            ? CborBody.Encode(("off", Expected), ("match", SHA256.HashData(Stored).AsSpan().SequenceEqual(Sha)))
            : CborBody.Encode(("off", Expected));
    }
}
