using nanoFramework.McuMgr;

namespace Nrf5340Sdk.SmpTests;

/// <summary>The OS and basic groups' device in memory; records resets and storage erases.</summary>
public sealed class MemoryDeviceServices : IDeviceServices
{
    public int Resets, StorageErases;
    public int EraseStorageResult;
    public Action? OnReset;

    public void Reset()
    {
        Resets++;
        OnReset?.Invoke();
    }

    public int BootloaderMode { get; set; } = 3;
    public bool NoDowngrade { get; set; }
    public int ActiveB0Slot { get; set; } = 1;

    public string AppInfo(char field) => field switch
    {
        's' => "Zephyr", 'n' => "nrf5340dk", 'r' => "1.0.0", 'v' => "nf-1", 'b' => "2025-11-24T10:00:00",
        'm' => "ARM", 'p' => "cortex-m33", 'i' => "nrf5340dk/nrf5340/cpuapp", 'o' => "nanoFramework",
        _ => throw new ArgumentException($"no field {field}"),
    };

    public long UtcTicks { get; set; } = new DateTime(2025, 11, 24, 9, 0, 0).Ticks;

    public int EraseStorage()
    {
        StorageErases++;
        return EraseStorageResult;
    }
}

/// <summary>A transport in memory: queued datagrams (or stream reads), and what the server sent.</summary>
public sealed class MemoryTransport(bool stream, int maxReceive = 4096) : ISmpTransport
{
    public readonly Queue<byte[]> Incoming = new();
    public readonly List<byte[]> Sent = [];
    /// <summary>Resets the device saw when each answer was sent (the reset must come after its answer).</summary>
    public readonly List<int> ResetsAtSend = [];
    public MemoryDeviceServices? Device;

    public bool IsStream => stream;
    public int MaxReceive => maxReceive;

    public int Receive(byte[] buffer, int timeoutMs)
    {
        if (Incoming.Count == 0)
            return 0;
        byte[] next = Incoming.Dequeue();
        Assert.True(next.Length <= buffer.Length);
        next.CopyTo(buffer, 0);
        return next.Length;
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        Sent.Add(buffer[offset..(offset + count)]);
        ResetsAtSend.Add(Device?.Resets ?? 0);
    }
}
