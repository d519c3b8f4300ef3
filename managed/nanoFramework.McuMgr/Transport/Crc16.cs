namespace nanoFramework.McuMgr.Transport
{
    /// <summary>CRC-16/XMODEM (polynomial 0x1021, initial 0, not reflected): the serial framing's check.</summary>
    public static class Crc16
    {
        public static int Compute(byte[] data, int offset, int count)
        {
            int crc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i] << 8;
                for (int bit = 0; bit < 8; bit++)
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xffff;
            }
            return crc;
        }
    }
}
