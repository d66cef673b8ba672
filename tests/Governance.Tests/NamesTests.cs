using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class NamesTests
{
    [Theory]
    [InlineData("blocktrack")]
    [InlineData("blocktrack/grants")]
    [InlineData("blocktrack/ecosystem-growth/dev-1")]
    [InlineData("a/b/c/d")]
    [InlineData("x012345678901234567890123456789012345678")] // 40 characters
    public void Valid_dao_paths_are_accepted(string path) => Assert.True(Names.IsDaoPath(path));

    [Theory]
    [InlineData("")]
    [InlineData("a/b/c/d/e")] // five levels
    [InlineData("Blocktrack")] // upper case
    [InlineData("1blocktrack")] // must start with a letter
    [InlineData("-blocktrack")]
    [InlineData("blocktrack/")] // empty segment
    [InlineData("/blocktrack")]
    [InlineData("blocktrack//grants")]
    [InlineData("blocktrack/proposals")] // reserved
    [InlineData("treasury")] // reserved at the top too
    [InlineData("blocktrack/sub_dao")]
    [InlineData("blocktrack/grants ")]
    [InlineData("x0123456789012345678901234567890123456789")] // 41 characters
    public void Invalid_dao_paths_are_refused(string path) => Assert.False(Names.IsDaoPath(path));

    [Theory]
    [InlineData("proposals")]
    [InlineData("constitution")]
    [InlineData("treasury")]
    [InlineData("deposits")]
    [InlineData("committee")]
    [InlineData("events")]
    [InlineData("history")]
    [InlineData("subdaos")]
    [InlineData("personhood")]
    public void Every_reserved_route_word_is_refused_as_a_segment(string word) => Assert.False(Names.IsSegment(word));

    [Theory]
    [InlineData("grants\n")]
    [InlineData("blocktrack/grants\n")]
    public void A_trailing_newline_does_not_make_a_valid_path(string path) => Assert.False(Names.IsDaoPath(path));

    [Theory]
    [InlineData("btk", true)]
    [InlineData("usdc@42161", true)]
    [InlineData("0xbtk.v2-a", true)]
    [InlineData("BTK", false)]
    [InlineData("-btk", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("btk\n", false)]
    public void Token_ids_are_lower_case_with_a_few_separators(string? token, bool valid) => Assert.Equal(valid, Names.IsToken(token));

    [Fact]
    public void RequireDaoPath_refuses_with_invalid_argument() =>
        Assert.Equal(GovernanceError.InvalidArgument, Assert.Throws<GovernanceException>(() => Names.RequireDaoPath("a/b/c/d/e")).Error);

    [Theory]
    [InlineData("blocktrack", null)]
    [InlineData("blocktrack/grants", "blocktrack")]
    [InlineData("a/b/c", "a/b")]
    public void ParentOf_drops_the_last_segment(string path, string? parent) => Assert.Equal(parent, Names.ParentOf(path));

    [Theory]
    [InlineData("blocktrack/1", "blocktrack", 1)]
    [InlineData("blocktrack/grants/42", "blocktrack/grants", 42)]
    [InlineData("a/b/c/d/9223372036854775807", "a/b/c/d", long.MaxValue)]
    public void TryParseProposalId_splits_path_and_sequence(string id, string dao, long seq)
    {
        Assert.True(Names.TryParseProposalId(id, out var parsedDao, out var parsedSeq));
        Assert.Equal((dao, seq), (parsedDao, parsedSeq));
        Assert.Equal(id, Names.ProposalId(parsedDao, parsedSeq));
    }

    [Theory]
    [InlineData("blocktrack")]
    [InlineData("/1")]
    [InlineData("blocktrack/")]
    [InlineData("blocktrack/0")]
    [InlineData("blocktrack/-1")]
    [InlineData("blocktrack/+1")]
    [InlineData("blocktrack/ 1")]
    [InlineData("blocktrack/1 ")]
    [InlineData("blocktrack/1.0")]
    [InlineData("blocktrack/abc")]
    [InlineData("blocktrack/9223372036854775808")] // overflows long
    [InlineData("Blocktrack/1")]
    [InlineData("a/b/c/d/e/1")]
    [InlineData("blocktrack/proposals/1")]
    public void TryParseProposalId_refuses_malformed_ids(string id) => Assert.False(Names.TryParseProposalId(id, out _, out _));

    [Theory]
    [InlineData("blocktrack/01")]
    [InlineData("blocktrack/007")]
    public void TryParseProposalId_refuses_sequences_with_leading_zeros(string id) =>
        Assert.False(Names.TryParseProposalId(id, out _, out _), $"'{id}' is not the id ProposalId would produce, but it parses to the same (dao, seq)");

    [Theory]
    [InlineData("blocktrack/epochs/2934", true, "blocktrack", 2934)]
    [InlineData("blocktrack/grants/epochs/0", true, "blocktrack/grants", 0)]
    [InlineData("blocktrack/epochs/-1", false, "", 0)]
    [InlineData("blocktrack/epochs/+3", false, "", 0)]
    [InlineData("epochs/3", false, "", 0)]
    [InlineData("Bad/epochs/3", false, "", 0)]
    public void An_epoch_key_is_a_dao_path_and_a_plain_number(string key, bool valid, string dao, long epoch)
    {
        Assert.Equal(valid, Names.TryParseEpochKey(key, out var d, out var e));
        if (valid) Assert.Equal((dao, epoch), (d, e));
        Assert.Equal(key, valid ? Names.EpochKey(d, e) : key);
    }
}
