namespace Nrf5340Sdk.Build.Tests;

public class TestTallyTests
{
    [Fact]
    public void Adds_xunit_and_ctest_summary_lines()
    {
        var tally = new TestTally();
        tally.Read("Passed!  - Failed:     0, Passed:    25, Skipped:     0, Total:    25, Duration: 95 ms - Board.Tests.dll (net10.0)");
        tally.Read("Failed!  - Failed:     2, Passed:     7, Skipped:     1, Total:    10, Duration: 1 s - X.Tests.dll (net10.0)");
        tally.Read("67% tests passed, 1 tests failed out of 3");
        Assert.Equal("34 passed, 3 failed", tally.ToString());
    }

    [Fact]
    public void Ignores_other_lines_so_an_empty_run_counts_nothing()
    {
        var tally = new TestTally();
        tally.Read("1/3 Test #1: error_text_tests .................   Passed    0.01 sec");
        tally.Read("No test is available in /x.dll.");
        tally.Read("Total Test time (real) =   0.03 sec");
        Assert.Equal("0 passed, 0 failed", tally.ToString());
    }
}
