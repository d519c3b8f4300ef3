using System.Net;
using System.Net.Sockets;
using Nrf5340Sdk.Smp.Protocol;

namespace SmpClient.Tests;

/// <summary>
/// An in-process SMP responder on a loopback UDP port. It collects the requests that arrive close together
/// (within <see cref="Gap"/>) and answers them as one batch, so the largest batch is what the client had in flight.
/// The handler returns the answer's CBOR body, or null to drop the request (a lost datagram).
/// </summary>
public sealed class FakeDevice : IDisposable
{
    private readonly UdpClient socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Thread thread;
    private volatile bool stopping;

    public FakeDevice(Func<SmpHeader, Dictionary<string, object?>, byte[]?> handler)
    {
        Handler = handler;
        thread = new Thread(Serve) { IsBackground = true };
        thread.Start();
    }

    public Func<SmpHeader, Dictionary<string, object?>, byte[]?> Handler { get; set; }
    public int Port => ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    public string Connection => $"udp:127.0.0.1:{Port}";

    /// <summary>Answer header version; null copies the request's.</summary>
    public int? AnswerVersion { get; set; }
    /// <summary>Rewrites each answer packet before it leaves (to send malformed ones).</summary>
    public Func<byte[], byte[]> Mangle { get; set; } = packet => packet;

    public TimeSpan Gap { get; set; } = TimeSpan.FromMilliseconds(30);

    public List<(SmpHeader Header, Dictionary<string, object?> Body, int Size)> Requests { get; } = [];
    public int LargestBatch { get; private set; }

    private void Serve()
    {
        var batch = new List<(byte[] Packet, IPEndPoint From)>();
        while (!stopping)
        {
            if (socket.Client.Poll(Gap, SelectMode.SelectRead))
            {
                IPEndPoint from = new(IPAddress.Any, 0);
                try
                {
                    batch.Add((socket.Receive(ref from), from));
                }
                catch (SocketException)
                {
                    continue;
                }
                continue;
            }
            LargestBatch = Math.Max(LargestBatch, batch.Count);
            foreach (var (packet, from) in batch)
                Answer(packet, from);
            batch.Clear();
        }
    }

    private void Answer(byte[] packet, IPEndPoint from)
    {
        var header = SmpHeader.Read(packet);
        var body = CborBody.Decode(packet.AsMemory(SmpHeader.Size));
        lock (Requests)
            Requests.Add((header, body, packet.Length));
        var answer = Handler(header, body);
        if (answer is null)
            return;
        var reply = header with { Op = header.Op + 1, Version = AnswerVersion ?? header.Version };
        socket.Send(Mangle(SmpHeader.Packet(reply, answer)), from);
    }

    /// <summary>An SMP v2 group error with the device's reason: {"err": {"group", "rc"}, "rsn"}.</summary>
    public static byte[] GroupError(int group, int rc, string reason)
    {
        var w = new System.Formats.Cbor.CborWriter();
        w.WriteStartMap(2);
        w.WriteTextString("err");
        w.WriteStartMap(2);
        w.WriteTextString("group");
        w.WriteInt32(group);
        w.WriteTextString("rc");
        w.WriteInt32(rc);
        w.WriteEndMap();
        w.WriteTextString("rsn");
        w.WriteTextString(reason);
        w.WriteEndMap();
        return w.Encode();
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
        socket.Dispose();
    }
}
