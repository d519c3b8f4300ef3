using nanoFramework.McuMgr.Cbor;

namespace nanoFramework.McuMgr
{
    /// <summary>One SMP group's commands.</summary>
    public interface ISmpGroup
    {
        int Id { get; }

        /// <summary>
        /// Handles one request whose body (a well-formed CBOR map) the reader is at, writing the success answer's
        /// map into the writer. Returns 0, a group error (positive; the server discards what was written and
        /// answers the error with request.Reason), or SmpResult.Protocol(rc) for a protocol-level "rc".
        /// </summary>
        int Handle(SmpRequest request, CborReader body, CborWriter answer);
    }

    /// <summary>The return-code convention of ISmpGroup.Handle.</summary>
    public static class SmpResult
    {
        /// <summary>A protocol-level error (mcumgr_err_t), answered as {"rc": n} in both SMP versions.</summary>
        public static int Protocol(int rc) { return -rc; }

        public const int NotSupported = -MgmtError.NotSupported;
        public const int InvalidValue = -MgmtError.InvalidValue;
    }
}
