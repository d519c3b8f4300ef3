namespace nanoFramework.McuMgr
{
    /// <summary>
    /// Where SMP frames come from: datagrams (UDP, BLE writes) or a byte stream (a UART with mcumgr's serial
    /// framing, which the server undoes). The device implements it over natives, the host tests over memory.
    /// </summary>
    public interface ISmpTransport
    {
        /// <summary>True for a byte stream (serial framing applies), false when each Receive is one datagram.</summary>
        bool IsStream { get; }

        /// <summary>Largest datagram (or stream read) Receive returns; the server sizes its buffers from it.</summary>
        int MaxReceive { get; }

        /// <summary>Copies what arrived into buffer: one datagram, or the stream bytes available. Waits at most
        /// timeoutMs without stopping other managed threads; 0 when nothing arrived.</summary>
        int Receive(byte[] buffer, int timeoutMs);

        /// <summary>Sends one response (a datagram, or stream bytes already framed by the server).</summary>
        void Send(byte[] buffer, int offset, int count);
    }
}
