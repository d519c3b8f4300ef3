using System.IO.Ports;
using System.Net;
using System.Net.Sockets;

namespace Nrf5340Sdk.Smp.Transport;

/// <summary>
/// Opens a link from a connection string: <c>udp:HOST:PORT</c>, <c>tcp:HOST:PORT</c> (serial framing over a TCP
/// byte stream), or a serial port <c>serial:/dev/ttyACM0[@BAUD]</c> (a bare <c>/dev/...</c> or <c>COMn</c> too).
/// </summary>
public static class SmpLinks
{
    public const int DefaultBaud = 115200;

    public static ISmpLink Open(string connection)
    {
        if (connection.StartsWith("udp:", StringComparison.Ordinal))
            return new UdpLink(Endpoint(connection, "udp:"), connection);
        if (connection.StartsWith("tcp:", StringComparison.Ordinal))
        {
            var endpoint = Endpoint(connection, "tcp:");
            var client = new TcpClient(endpoint.AddressFamily) { NoDelay = true };
            try
            {
                client.Connect(endpoint);
            }
            catch (SocketException e)
            {
                client.Dispose();
                throw new ArgumentException($"{connection}: cannot connect: {e.Message}");
            }
            return new StreamLink(client.GetStream(), connection, client);
        }
        string port = connection.StartsWith("serial:", StringComparison.Ordinal) ? connection["serial:".Length..] : connection;
        if (port.StartsWith("/dev/", StringComparison.Ordinal) || port.StartsWith("COM", StringComparison.OrdinalIgnoreCase))
            return OpenSerial(port, connection);
        throw new ArgumentException(
            $"unknown connection \"{connection}\": use udp:HOST:PORT, tcp:HOST:PORT or serial:/dev/ttyACM0[@BAUD]");
    }

    private static ISmpLink OpenSerial(string port, string connection)
    {
        int baud = DefaultBaud;
        int at = port.LastIndexOf('@');
        if (at > 0)
        {
            if (!int.TryParse(port[(at + 1)..], out baud) || baud <= 0)
                throw new ArgumentException($"{connection}: the baud rate after @ is not a number");
            port = port[..at];
        }
        var serial = new SerialPort(port, baud) { ReadTimeout = SerialPort.InfiniteTimeout };
        try
        {
            serial.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            serial.Dispose();
            throw new ArgumentException($"{connection}: cannot open the serial port: {e.Message}");
        }
        return new StreamLink(serial.BaseStream, connection, serial);
    }

    private static IPEndPoint Endpoint(string connection, string scheme)
    {
        string rest = connection[scheme.Length..];
        int colon = rest.LastIndexOf(':');
        if (colon <= 0 || !ushort.TryParse(rest[(colon + 1)..], out ushort port) || port == 0)
            throw new ArgumentException($"\"{connection}\" needs {scheme}HOST:PORT");
        string host = rest[..colon].Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address))
        {
            try
            {
                address = Dns.GetHostAddresses(host).First();
            }
            catch (Exception e) when (e is SocketException or InvalidOperationException)
            {
                throw new ArgumentException($"{connection}: cannot resolve {host}");
            }
        }
        return new IPEndPoint(address, port);
    }
}
