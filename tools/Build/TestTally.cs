using System.Text.RegularExpressions;

namespace Nrf5340Sdk.Build;

/// <summary>
/// Adds up the counts that xunit and CTest print in their own summary lines, so the test command can end with
/// one "N passed, N failed" line and a run that executed no test is visible.
/// </summary>
public sealed partial class TestTally
{
    public int Passed { get; private set; }
    public int Failed { get; private set; }

    public void Read(string line)
    {
        if (XunitSummary().Match(line) is { Success: true } x)
        {
            Failed += int.Parse(x.Groups["failed"].Value);
            Passed += int.Parse(x.Groups["passed"].Value);
        }
        else if (CtestSummary().Match(line) is { Success: true } c)
        {
            var failed = int.Parse(c.Groups["failed"].Value);
            Failed += failed;
            Passed += int.Parse(c.Groups["total"].Value) - failed;
        }
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed";

    // "Passed!  - Failed:     0, Passed:    25, Skipped: ..." (also "Failed!  - ...")
    [GeneratedRegex(@"^\s*(Passed|Failed)!\s+-\s+Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+),")]
    private static partial Regex XunitSummary();

    // "100% tests passed, 0 tests failed out of 3"
    [GeneratedRegex(@"^\d+% tests passed, (?<failed>\d+) tests failed out of (?<total>\d+)")]
    private static partial Regex CtestSummary();
}
