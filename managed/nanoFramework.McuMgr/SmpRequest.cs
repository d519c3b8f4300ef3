namespace nanoFramework.McuMgr
{
    /// <summary>
    /// One request's header (SMP v1/v2, big-endian) and what its handler leaves for the answer: the refusal
    /// reason ("rsn") and whether the device resets once the answer is out.
    /// </summary>
    public sealed class SmpRequest
    {
        public int Op;
        public int Version;
        public int Flags;
        public int Length;
        public int Group;
        public int Sequence;
        public int Command;

        /// <summary>Text for the error answer's "rsn"; null for none.</summary>
        public string Reason;

        /// <summary>Set by the reset command: reset after this answer was sent.</summary>
        public bool ResetAfterSend;

        /// <summary>Reads the 8-byte header at offset (the caller checked that 8 bytes are there).</summary>
        public void ReadHeader(byte[] buffer, int offset)
        {
            Op = buffer[offset] & 0x07;
            Version = (buffer[offset] >> 3) & 0x03;
            Flags = buffer[offset + 1];
            Length = buffer[offset + 2] << 8 | buffer[offset + 3];
            Group = buffer[offset + 4] << 8 | buffer[offset + 5];
            Sequence = buffer[offset + 6];
            Command = buffer[offset + 7];
            Reason = null;
            ResetAfterSend = false;
        }

        /// <summary>The answer's header: op + 1, the request's version bits, flags, group, sequence and command.</summary>
        public void WriteResponseHeader(byte[] buffer, int offset, int bodyLength)
        {
            buffer[offset] = (byte)((Version << 3) | (Op + 1));
            buffer[offset + 1] = (byte)Flags;
            buffer[offset + 2] = (byte)(bodyLength >> 8);
            buffer[offset + 3] = (byte)bodyLength;
            buffer[offset + 4] = (byte)(Group >> 8);
            buffer[offset + 5] = (byte)Group;
            buffer[offset + 6] = (byte)Sequence;
            buffer[offset + 7] = (byte)Command;
        }
    }
}
