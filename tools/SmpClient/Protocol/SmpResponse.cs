namespace Nrf5340Sdk.Smp.Protocol;

/// <summary>One decoded answer: its header and its CBOR map, with typed reads and the error it carries.</summary>
public sealed class SmpResponse(SmpHeader header, Dictionary<string, object?> body)
{
    public SmpHeader Header { get; } = header;
    public Dictionary<string, object?> Body { get; } = body;

    public long? Int(string key) => Body.GetValueOrDefault(key) as long?;
    public string? Text(string key) => Body.GetValueOrDefault(key) as string;
    public byte[]? Bytes(string key) => Body.GetValueOrDefault(key) as byte[];
    public bool Flag(string key) => Body.GetValueOrDefault(key) is true;

    /// <summary>
    /// The refusal in the answer, or null: an SMP v2 group error {"err": {"group", "rc"}} or a legacy
    /// non-zero "rc"; "rsn" (the device's reason text) is read next to either.
    /// </summary>
    public SmpDeviceException? Error
    {
        get
        {
            string? reason = Text("rsn");
            if (Body.GetValueOrDefault("err") is Dictionary<string, object?> err && err.GetValueOrDefault("rc") is long groupRc)
            {
                int group = err.GetValueOrDefault("group") is long g ? (int)g : Header.Group;
                return groupRc == 0 ? null : new SmpDeviceException(group, (int)groupRc, true, reason ?? err.GetValueOrDefault("rsn") as string);
            }
            return Int("rc") is long rc && rc != 0 ? new SmpDeviceException(Header.Group, (int)rc, false, reason) : null;
        }
    }
}

/// <summary>The device refused a request: group, the code's name, and its reason text when it sent one.</summary>
public sealed class SmpDeviceException(int group, int rc, bool groupError, string? reason)
    : Exception(Describe(group, rc, groupError, reason))
{
    public int Group { get; } = group;
    public int Rc { get; } = rc;

    /// <summary>True for an SMP v2 group error, false for a legacy (SMP-level) "rc".</summary>
    public bool GroupError { get; } = groupError;
    public string? Reason { get; } = reason;

    private static string Describe(int group, int rc, bool groupError, string? reason)
    {
        string name = SmpIds.ErrorName(groupError ? group : null, rc);
        string text = $"{SmpIds.GroupName(group)} group: {name} ({rc})";
        return reason is null ? text : $"{text}: {reason}";
    }
}

/// <summary>The device did not answer in time, after every retry.</summary>
public sealed class SmpTimeoutException(string message) : Exception(message);
