using Nrf5340Sdk.Smp.Transport;

namespace Nrf5340Sdk.Smp.Protocol;

/// <summary>How long to wait for an answer and how often to ask again.</summary>
public sealed record SmpTimeouts(TimeSpan Answer, int Retries)
{
    public static SmpTimeouts Default { get; } = new(TimeSpan.FromSeconds(3), 2);
}

/// <summary>
/// Requests and answers over one link: sequence numbers, SMP v2 with a fall-back to v1 once the device answers
/// v1, matching answers to requests (stale answers of earlier requests are skipped), timeouts with retries.
/// </summary>
public sealed class SmpSession(ISmpLink link, SmpTimeouts? timeouts = null) : IDisposable
{
    private byte sequence;

    public ISmpLink Link { get; } = link;
    public SmpTimeouts Timeouts { get; } = timeouts ?? SmpTimeouts.Default;

    /// <summary>The header version requests carry: SMP v2 until the device answers in v1.</summary>
    public int Version { get; private set; } = SmpHeader.V2;

    /// <summary>Sends a request without waiting; returns its sequence number.</summary>
    public byte Send(SmpOp op, ushort group, byte command, byte[] body)
    {
        byte seq = sequence++;
        Link.Send(SmpHeader.Packet(new SmpHeader(op, Version, 0, 0, group, seq, command), body));
        return seq;
    }

    /// <summary>The next well-formed answer, or null on timeout. A malformed packet throws SmpProtocolException.</summary>
    public SmpResponse? Receive(TimeSpan timeout)
    {
        var packet = Link.Receive(timeout);
        if (packet is null)
            return null;
        var header = SmpHeader.Read(packet);
        if (header.Op is not (SmpOp.ReadResponse or SmpOp.WriteResponse))
            throw new SmpProtocolException($"{Link.Name} sent op {(int)header.Op}, not an answer");
        if (packet.Length != SmpHeader.Size + header.Length)
            throw new SmpProtocolException(
                $"{Link.Name} sent a packet of {packet.Length} bytes whose header announces {SmpHeader.Size + header.Length}");
        var response = new SmpResponse(header, CborBody.Decode(packet.AsMemory(SmpHeader.Size)));
        if (header.Version == 0)
            Version = 0;
        return response;
    }

    /// <summary>Sends and waits for the matching answer (retrying on timeout); a refusal throws SmpDeviceException.</summary>
    public SmpResponse Request(SmpOp op, ushort group, byte command, byte[] body, TimeSpan? timeout = null)
    {
        var response = RequestRaw(op, group, command, body, timeout);
        if (response.Error is { } error)
            throw error;
        return response;
    }

    /// <summary>As Request, but an answer carrying an error is returned, not thrown.</summary>
    public SmpResponse RequestRaw(SmpOp op, ushort group, byte command, byte[] body, TimeSpan? timeout = null)
    {
        var wait = timeout ?? Timeouts.Answer;
        for (int attempt = 0; attempt <= Timeouts.Retries; attempt++)
        {
            byte seq = Send(op, group, command, body);
            var deadline = DateTime.UtcNow + wait;
            while (DateTime.UtcNow < deadline)
            {
                var response = Receive(deadline - DateTime.UtcNow);
                if (response is not null && Answers(response.Header, op, group, command, seq))
                    return response;
            }
        }
        throw new SmpTimeoutException($"{Link.Name} did not answer {SmpIds.GroupName(group)} group command {command} " +
            $"({Timeouts.Retries + 1} tries of {wait.TotalSeconds:0.#} s)");
    }

    public static bool Answers(SmpHeader answer, SmpOp op, ushort group, byte command, byte seq) =>
        answer.Sequence == seq && answer.Group == group && answer.Command == command && (int)answer.Op == (int)op + 1;

    public void Dispose() => Link.Dispose();
}
