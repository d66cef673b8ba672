using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

/// <summary>A refusal's interpolated message is built only when the check fails.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RefuseTests
{
    private int _formatted;

    private string Counted(string text)
    {
        _formatted++;
        return text;
    }

    [Fact]
    public void A_check_that_passes_formats_no_message()
    {
        for (var i = 0; i < 3; i++) Refuse.Unless(true, GovernanceError.InvalidArgument, $"voter {Counted("0xabc")} shard {i}");
        Assert.Equal(0, _formatted);
    }

    [Fact]
    public void A_check_that_fails_throws_the_formatted_message_with_its_error()
    {
        var amount = 1234.5m;
        var e = Assert.Throws<GovernanceException>(() =>
            Refuse.Unless(false, GovernanceError.InsufficientPower, $"{Counted("0xabc")} had {amount:F1}, {7,3}|{"x",-2}|"));
        Assert.Equal(GovernanceError.InsufficientPower, e.Error);
        Assert.Equal("0xabc had 1234.5,   7|x |", e.Message);
        Assert.Equal(1, _formatted);
    }
}
