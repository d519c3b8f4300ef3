namespace nanoFramework.McuMgr
{
    /// <summary>Array copy for the device, whose corlib has no Array.Copy.</summary>
    public static class Bytes
    {
        public static void Copy(byte[] source, int sourceOffset, byte[] target, int targetOffset, int count)
        {
            for (int i = 0; i < count; i++)
                target[targetOffset + i] = source[sourceOffset + i];
        }
    }
}
