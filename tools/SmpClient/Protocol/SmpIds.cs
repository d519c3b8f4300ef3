using Server = nanoFramework.McuMgr.Smp;

namespace Nrf5340Sdk.Smp.Protocol;

/// <summary>SMP operations (header byte 0, bits 0-2).</summary>
public enum SmpOp : byte { Read = 0, ReadResponse = 1, Write = 2, WriteResponse = 3 }

/// <summary>
/// The client's view of the SMP numbers: the ids are the server's (managed/nanoFramework.McuMgr/Smp.cs, linked
/// into this project) typed as the header holds them; the error-code names are what the client prints, as
/// mcumgr names them (Zephyr's mgmt_defines.h, img_mgmt.h, os_mgmt.h; ../shared/reference/mcuboot-smp.md A5).
/// </summary>
public static class SmpIds
{
    public const ushort OsGroup = Server.GroupOs;
    public const ushort ImageGroup = Server.GroupImage;
    public const ushort BasicGroup = Server.GroupBasic;

    public const byte Echo = Server.OsEcho;
    public const byte Reset = Server.OsReset;
    public const byte Params = Server.OsParameters;
    public const byte BootloaderInfo = Server.OsBootloaderInfo;

    public const byte ImageState = Server.ImageState;
    public const byte ImageUpload = Server.ImageUpload;
    public const byte ImageErase = Server.ImageErase;

    public const byte StorageErase = Server.BasicEraseStorage;

    /// <summary>mcumgr_err_t: the legacy "rc" of SMP v1 answers and SMP-level errors of v2 answers.</summary>
    private static readonly string[] SmpErrors =
    [
        "OK", "UNKNOWN", "NO_MEMORY", "INVALID_VALUE", "TIMEOUT", "NO_ENTRY", "BAD_STATE", "TOO_LARGE",
        "NOT_SUPPORTED", "CORRUPT", "BUSY", "ACCESS_DENIED", "UNSUPPORTED_TOO_OLD", "UNSUPPORTED_TOO_NEW",
    ];

    private static readonly string[] OsErrors =
    [
        "OK", "UNKNOWN", "INVALID_FORMAT", "QUERY_YIELDS_NO_ANSWER", "RTC_NOT_SET", "RTC_COMMAND_FAILED",
        "QUERY_RESPONSE_VALUE_NOT_VALID",
    ];

    private static readonly string[] ImageErrors =
    [
        "OK", "UNKNOWN", "FLASH_CONFIG_QUERY_FAIL", "NO_IMAGE", "NO_TLVS", "INVALID_TLV",
        "TLV_MULTIPLE_HASHES_FOUND", "TLV_INVALID_SIZE", "HASH_NOT_FOUND", "NO_FREE_SLOT", "FLASH_OPEN_FAILED",
        "FLASH_READ_FAILED", "FLASH_WRITE_FAILED", "FLASH_ERASE_FAILED", "INVALID_SLOT", "NO_FREE_MEMORY",
        "FLASH_CONTEXT_ALREADY_SET", "FLASH_CONTEXT_NOT_SET", "FLASH_AREA_DEVICE_NULL", "INVALID_PAGE_OFFSET",
        "INVALID_OFFSET", "INVALID_LENGTH", "INVALID_IMAGE_HEADER", "INVALID_IMAGE_HEADER_MAGIC", "INVALID_HASH",
        "INVALID_FLASH_ADDRESS", "VERSION_GET_FAILED", "CURRENT_VERSION_IS_NEWER", "IMAGE_ALREADY_PENDING",
        "INVALID_IMAGE_VECTOR_TABLE", "INVALID_IMAGE_TOO_LARGE", "INVALID_IMAGE_DATA_OVERRUN",
        "IMAGE_CONFIRMATION_DENIED", "IMAGE_SETTING_TEST_TO_ACTIVE_DENIED", "ACTIVE_SLOT_NOT_KNOWN",
    ];

    private static readonly string[] BasicErrors =
        ["OK", "UNKNOWN", "FLASH_OPEN_FAILED", "FLASH_CONFIG_QUERY_FAIL", "FLASH_ERASE_FAILED"];

    public static string GroupName(int group) => group switch
    {
        OsGroup => "os",
        ImageGroup => "image",
        BasicGroup => "basic",
        _ => $"group {group}",
    };

    /// <summary>The name of a v2 group error code; null group = an SMP-level (legacy "rc") code.</summary>
    public static string ErrorName(int? group, int rc)
    {
        string[] names = group switch
        {
            null => SmpErrors,
            OsGroup => OsErrors,
            ImageGroup => ImageErrors,
            BasicGroup => BasicErrors,
            _ => [],
        };
        return rc >= 0 && rc < names.Length ? names[rc] : $"error {rc}";
    }
}
