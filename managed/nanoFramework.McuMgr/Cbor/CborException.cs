using System;

namespace nanoFramework.McuMgr.Cbor
{
    /// <summary>Input that is not well-formed CBOR for the reader, or an output buffer too small for the writer.</summary>
    public sealed class CborException : Exception
    {
        public CborException(string message) : base(message) { }
    }
}
