namespace Nrf5340Sdk.Smp.Transport;

/// <summary>Moves whole SMP packets (header + CBOR) to and from a device.</summary>
public interface ISmpLink : IDisposable
{
    /// <summary>The connection string the link was opened with, for messages.</summary>
    string Name { get; }

    /// <summary>Largest SMP packet (header included) the link carries in one piece; uploads size chunks to it.</summary>
    int MaxPacket { get; }

    void Send(byte[] packet);

    /// <summary>The next packet from the device, or null when none arrived within timeout.</summary>
    byte[]? Receive(TimeSpan timeout);
}
