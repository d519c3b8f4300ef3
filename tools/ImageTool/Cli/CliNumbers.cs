using System.CommandLine;
using System.Globalization;

namespace ImageTool.Cli;

/// <summary>Numbers as imgtool and the NCS scripts accept them: 0x.., 0o.., 0b.. or decimal.</summary>
internal static class CliNumbers
{
    public static ulong Parse(string text, string what)
    {
        string t = text.Trim().Replace("_", "");
        (string digits, int radix) = t.Length > 2 && t[0] == '0' ? char.ToLowerInvariant(t[1]) switch
        {
            'x' => (t[2..], 16),
            'o' => (t[2..], 8),
            'b' => (t[2..], 2),
            _ => (t, 10),
        } : (t, 10);
        try
        {
            if (digits.Length == 0 || digits[0] is '-' or '+')
                throw new FormatException();
            return radix == 10
                ? ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
                : Convert.ToUInt64(digits, radix);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new ToolException($"{what}: '{text}' is not a valid number (use decimal or 0x/0o/0b prefixes)");
        }
    }

    public static uint ParseUInt32(string text, string what)
    {
        ulong value = Parse(text, what);
        return value <= uint.MaxValue ? (uint)value : throw new ToolException($"{what}: {text} does not fit in 32 bits");
    }

    public static Option<uint> UInt(string name, params string[] aliases) => new(name, aliases)
    {
        CustomParser = result => FromToken(result, name),
    };

    public static Option<uint?> OptionalUInt(string name, params string[] aliases) => new(name, aliases)
    {
        CustomParser = result => FromToken(result, name),
    };

    private static uint FromToken(System.CommandLine.Parsing.ArgumentResult result, string name)
    {
        try
        {
            return ParseUInt32(result.Tokens.Single().Value, name);
        }
        catch (ToolException e)
        {
            result.AddError(e.Message);
            return 0;
        }
    }
}
