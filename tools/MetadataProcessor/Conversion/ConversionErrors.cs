namespace MetadataProcessor.Conversion;

/// <summary>
/// Collects the problems of one assembly so a build reports them together, one line each:
/// "App: Program.Main at IL_0012: generic method instantiation (MethodSpec) is not supported by this runtime".
/// </summary>
internal sealed class ConversionErrors(string assembly)
{
    public const int Limit = 25;
    private readonly List<string> _lines = [];
    private int _dropped;

    public bool Any => _lines.Count > 0;

    public void Add(string where, Exception problem)
    {
        string line = problem is UnsupportedException
            ? $"{assembly}: {where}: {problem.Message} is not supported by this runtime"
            : $"{assembly}: {where}: {problem.Message}";
        if (_lines.Contains(line))
            return;
        if (_lines.Count >= Limit)
        {
            _dropped++;
            return;
        }
        _lines.Add(line);
    }

    public void ThrowIfAny()
    {
        if (_lines.Count == 0)
            return;
        string text = string.Join("\n", _lines);
        if (_dropped > 0)
            text += $"\n{assembly}: {_dropped} more problems not shown";
        throw new ToolException(text);
    }
}
