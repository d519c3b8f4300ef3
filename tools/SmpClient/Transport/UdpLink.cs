using System.Net;
using System.Net.Sockets;

namespace Nrf5340Sdk.Smp.Transport;

/// <summary>SMP over UDP: one packet per datagram (Zephyr's UDP transport; port 1337 by default).</summary>
public sealed class UdpLink : ISmpLink
{
    private readonly Socket socket;

    public UdpLink(IPEndPoint device, string name)
    {
        Name = name;
        socket = new Socket(device.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(device);
    }

    public string Name { get; }

    /// <summary>SMP over UDP's MTU (Zephyr's MCUMGR_TRANSPORT_UDP_MTU default): a larger datagram may be cut
    /// by the receiver, so packets stay within it whatever buf_size the device reports.</summary>
    public const int Mtu = 1500;

    public int MaxPacket => Mtu;

    public void Send(byte[] packet) => socket.Send(packet);

    public byte[]? Receive(TimeSpan timeout)
    {
        var buffer = new byte[65536];
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !socket.Poll(left, SelectMode.SelectRead))
                return null;
            try
            {
                int n = socket.Receive(buffer);
                return buffer.AsSpan(0, n).ToArray();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // ICMP port unreachable from an earlier datagram: nobody listens (yet); keep waiting.
                Thread.Sleep(10);
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
