namespace ImageTool.Keys;

/// <summary>
/// P-256 ECDSA signatures in their two forms: DER SEQUENCE { INTEGER r, INTEGER s } (MCUboot's ECDSA_SIG TLV,
/// openssl) and raw r‖s, 32 bytes each (b0's validation block). Decoding is strict DER (minimal lengths and
/// integers) so a flipped byte can never yield another valid encoding of the same signature.
/// </summary>
public static class EcdsaDer
{
    private const int ScalarSize = 32;

    public static byte[] Encode(ReadOnlySpan<byte> rs)
    {
        if (rs.Length != 2 * ScalarSize)
            throw new ArgumentException($"r||s must be {2 * ScalarSize} bytes", nameof(rs));
        byte[] r = EncodeInteger(rs[..ScalarSize]);
        byte[] s = EncodeInteger(rs[ScalarSize..]);
        return [0x30, (byte)(r.Length + s.Length), .. r, .. s];
    }

    private static byte[] EncodeInteger(ReadOnlySpan<byte> value)
    {
        int start = 0;
        while (start < value.Length - 1 && value[start] == 0)
            start++;
        var magnitude = value[start..];
        // A set top bit would read as negative, so DER puts a zero byte in front.
        if ((magnitude[0] & 0x80) != 0)
            return [0x02, (byte)(magnitude.Length + 1), 0x00, .. magnitude];
        return [0x02, (byte)magnitude.Length, .. magnitude];
    }

    /// <summary>Raw r‖s, or null when <paramref name="der"/> is not a strictly encoded P-256 signature.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<byte> der)
    {
        // A P-256 signature body is at most 2 * (2 + 33) = 70 bytes, so short-form lengths only.
        if (der.Length < 8 || der[0] != 0x30 || der[1] != der.Length - 2 || der[1] >= 0x80)
            return null;
        var body = der[2..];
        var rs = new byte[2 * ScalarSize];
        if (!TryDecodeInteger(ref body, rs.AsSpan(0, ScalarSize)) || !TryDecodeInteger(ref body, rs.AsSpan(ScalarSize)))
            return null;
        return body.IsEmpty ? rs : null;
    }

    private static bool TryDecodeInteger(ref ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length < 3 || input[0] != 0x02 || input[1] == 0 || input[1] >= 0x80 || input[1] > input.Length - 2)
            return false;
        var value = input.Slice(2, input[1]);
        input = input[(2 + value.Length)..];
        if ((value[0] & 0x80) != 0)
            return false; // negative
        if (value.Length > 1 && value[0] == 0 && (value[1] & 0x80) == 0)
            return false; // non-minimal
        if (value[0] == 0 && value.Length > 1)
            value = value[1..];
        if (value.Length > output.Length || value.IndexOfAnyExcept((byte)0) < 0)
            return false; // too large, or zero
        value.CopyTo(output[(output.Length - value.Length)..]);
        return true;
    }
}
