namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        /// <summary>Fills a primitive array from a field's initial data (how `new byte[] { 1, 2, 3 }` compiles).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
    }
}
