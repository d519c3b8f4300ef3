namespace nanoFramework.McuMgr.Groups
{
    /// <summary>The fields of an MCUboot image header (little-endian) the upload checks.</summary>
    public static class ImageHeader
    {
        public static uint Magic(byte[] header, int offset)
        {
            return (uint)(header[offset] | header[offset + 1] << 8 | header[offset + 2] << 16 | header[offset + 3] << 24);
        }

        /// <summary>
        /// True when the header's version (major u8 @20, minor u8 @21, revision u16 @22, build u32 @24) is above
        /// running ("major.minor.revision[.build]"); true as well when nothing runs or its version is unreadable.
        /// </summary>
        public static bool IsNewer(byte[] header, int offset, string running)
        {
            if (running == null)
                return true;
            string[] parts = running.Split('.');
            long[] current = new long[4];
            for (int i = 0; i < parts.Length && i < 4; i++)
                if (!long.TryParse(parts[i], out current[i]))
                    return true;
            long[] next =
            {
                header[offset + 20],
                header[offset + 21],
                header[offset + 22] | header[offset + 23] << 8,
                (uint)(header[offset + 24] | header[offset + 25] << 8 | header[offset + 26] << 16 | header[offset + 27] << 24),
            };
            for (int i = 0; i < 4; i++)
                if (next[i] != current[i])
                    return next[i] > current[i];
            return false;
        }
    }
}
