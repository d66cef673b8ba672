using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway.Tests;

/// <summary>The error-code table is complete, unambiguous and documented.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ErrorCodeTests
{
    [Fact]
    public void Every_governance_error_has_its_own_code()
    {
        var codes = Enum.GetValues<GovernanceError>().Select(ErrorCodes.For).ToList();

        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Codes_are_unique_kebab_case()
    {
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Select(c => c.Code).Distinct().Count());
        Assert.All(ErrorCodes.All, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c.Code));
    }

    [Fact]
    public void Every_code_is_documented_in_the_api_guide_with_its_status()
    {
        var guide = File.ReadAllText(RepoRoot.File("docs", "API.md"));

        Assert.All(ErrorCodes.All, c => Assert.Contains($"| `{c.Code}` | {c.Status} |", guide));
    }
}
