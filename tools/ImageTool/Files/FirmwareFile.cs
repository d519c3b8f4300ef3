namespace ImageTool.Files;

/// <summary>Raw bytes read from a .bin or .hex file; only a hex file knows where its bytes belong.</summary>
public sealed record FirmwareData(byte[] Bytes, uint? Address);

/// <summary>Reads and writes firmware as Intel HEX or raw binary, chosen by the file extension (as imgtool does).</summary>
public static class FirmwareFile
{
    public static bool IsHex(string path) => Path.GetExtension(path).Equals(".hex", StringComparison.OrdinalIgnoreCase);

    public static MemoryImage ReadHex(string path) => IntelHex.Parse(ReadText(path), path);

    /// <summary>A hex file becomes its bytes from the lowest to the highest address, holes as 0xFF.</summary>
    public static FirmwareData Read(string path)
    {
        if (!IsHex(path))
            return new FirmwareData(ReadBytes(path), null);
        var image = ReadHex(path);
        if (image.IsEmpty)
            throw new ToolException($"{path}: the hex file holds no data");
        return new FirmwareData(image.ToContiguous(), image.MinAddress);
    }

    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot read {path}: {e.Message}");
        }
    }

    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>Writes contiguous bytes; a hex file needs the address of the first byte.</summary>
    public static void Write(string path, byte[] bytes, uint? address)
    {
        if (!IsHex(path))
        {
            WriteBytes(path, bytes);
            return;
        }
        if (address is null)
            throw new ToolException($"{path}: a hex output needs an address: the input was binary, so pass one (--hex-addr)");
        Write(path, MemoryImage.FromBytes(address.Value, bytes, path));
    }

    /// <summary>Writes an image; as binary it spans the lowest to the highest address, holes as 0xFF.</summary>
    public static void Write(string path, MemoryImage image)
    {
        if (IsHex(path))
            WriteText(path, IntelHex.Write(image));
        else
            WriteBytes(path, image.ToContiguous());
    }

    public static void WriteBytes(string path, byte[] bytes) => Guard(path, () => File.WriteAllBytes(path, bytes));

    public static void WriteText(string path, string text) => Guard(path, () => File.WriteAllText(path, text));

    private static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot write {path}: {e.Message}");
        }
    }
}
