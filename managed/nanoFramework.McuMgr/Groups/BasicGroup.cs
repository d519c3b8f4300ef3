using nanoFramework.McuMgr.Cbor;

namespace nanoFramework.McuMgr.Groups
{
    /// <summary>Zephyr basic group (63): storage erase, which clears the settings store.</summary>
    public sealed class BasicGroup : ISmpGroup
    {
        readonly IDeviceServices _device;

        public BasicGroup(IDeviceServices device) { _device = device; }

        public int Id { get { return Smp.GroupBasic; } }

        public int Handle(SmpRequest request, CborReader body, CborWriter answer)
        {
            if (request.Command != Smp.BasicEraseStorage || request.Op != Smp.OpWrite)
                return SmpResult.NotSupported;
            int rc = _device.EraseStorage();
            if (rc != 0)
                return rc;
            answer.BeginMap(0);
            return 0;
        }
    }
}
