namespace ImageTool.Mcuboot;

/// <summary>
/// A parsed MCUboot image: header, payload, optional protected TLV area, TLV area, then possibly padding and a
/// trailer. Parsing only checks the structure; <see cref="ImageVerifier"/> checks hash and signature.
/// </summary>
public sealed class McubootImage
{
    private McubootImage(byte[] bytes, ImageHeader header, TlvArea? protectedTlvs, TlvArea tlvs, int tlvOffset)
    {
        Bytes = bytes;
        Header = header;
        ProtectedTlvs = protectedTlvs;
        Tlvs = tlvs;
        TlvOffset = tlvOffset;
    }

    public byte[] Bytes { get; }

    public ImageHeader Header { get; }

    public TlvArea? ProtectedTlvs { get; }

    public TlvArea Tlvs { get; }

    public int PayloadOffset => Header.HeaderSize;

    public int ProtectedTlvOffset => Header.HeaderSize + (int)Header.ImageSize;

    /// <summary>Offset of the unprotected TLV area = length of the hashed region.</summary>
    public int TlvOffset { get; }

    public int End => TlvOffset + Tlvs.Size;

    /// <summary>Header, payload and protected TLVs: what the SHA256 TLV covers and ECDSA signs.</summary>
    public ReadOnlySpan<byte> HashedRegion => Bytes.AsSpan(0, TlvOffset);

    public ReadOnlySpan<byte> Payload => Bytes.AsSpan(PayloadOffset, (int)Header.ImageSize);

    public static McubootImage Parse(byte[] bytes)
    {
        var header = ImageHeader.Parse(bytes);
        long payloadEnd = (long)header.HeaderSize + header.ImageSize;
        if (payloadEnd > bytes.Length)
            throw new ToolException(
                $"image is truncated: the header puts the payload end at 0x{payloadEnd:x}, the file is only 0x{bytes.Length:x} bytes");
        int offset = (int)payloadEnd;
        TlvArea? protectedTlvs = null;
        if (header.ProtectedTlvSize != 0)
        {
            protectedTlvs = TlvArea.Parse(bytes, offset, TlvArea.ProtectedMagic);
            if (protectedTlvs.Size != header.ProtectedTlvSize)
                throw new ToolException(
                    $"damaged image: header says the protected TLV area is 0x{header.ProtectedTlvSize:x} bytes, the area says 0x{protectedTlvs.Size:x}");
            offset += protectedTlvs.Size;
        }
        var tlvs = TlvArea.Parse(bytes, offset, TlvArea.UnprotectedMagic);
        return new McubootImage(bytes, header, protectedTlvs, tlvs, offset);
    }
}
