namespace nanoFramework.McuMgr.Transport
{
    /// <summary>CRC-16/XMODEM (polynomial 0x1021, initial 0, not reflected): the serial framing's check.</summary>
    public static class Crc16
    {
        // One entry per byte value: a byte costs a table read instead of eight shift steps in the interpreter.
        static readonly int[] Table = new int[256];

        static Crc16()
        {
            for (int b = 0; b < 256; b++)
            {
                int crc = b << 8;
                for (int bit = 0; bit < 8; bit++)
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                Table[b] = crc & 0xffff;
            }
        }

        public static int Compute(byte[] data, int offset, int count)
        {
            int crc = 0;
            for (int i = offset; i < offset + count; i++)
                crc = (crc << 8 & 0xff00) ^ Table[(crc >> 8) ^ data[i]];
            return crc;
        }
    }
}
