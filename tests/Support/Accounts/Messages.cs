using System.Text.Json.Nodes;

namespace Blocktrack.Tests.Support;

/// <summary>EIP-712 messages as a client sends them (addresses checksummed, as wallets hand them out).</summary>
public static class Messages
{
    /// <summary>The proposal class and token a test DAO uses unless it says otherwise.</summary>
    public const string DefaultClass = "general", DefaultToken = "btk";

    public static JsonObject Ballot(TestKey voter, string proposal, int support, long timestamp, string reason = "") => new()
    {
        ["voter"] = voter.Checksummed,
        ["proposal"] = proposal,
        ["support"] = support,
        ["reason"] = reason,
        ["timestamp"] = timestamp,
    };

    public static JsonObject Proposal(TestKey proposer, string dao, string title, long timestamp, string actions = "[]",
        string proposalClass = DefaultClass) => new()
    {
        ["proposer"] = proposer.Checksummed,
        ["dao"] = dao,
        ["class"] = proposalClass,
        ["title"] = title,
        ["description"] = "Test proposal " + title,
        ["actions"] = actions,
        ["timestamp"] = timestamp,
    };

    public static JsonObject Delegation(TestKey delegator, string delegatee, long timestamp, string token = DefaultToken) => new()
    {
        ["delegator"] = delegator.Checksummed,
        ["delegatee"] = delegatee,
        ["token"] = token,
        ["timestamp"] = timestamp,
    };

    public static JsonObject Cancel(TestKey proposer, string proposal, long timestamp) => new()
    {
        ["proposer"] = proposer.Checksummed,
        ["proposal"] = proposal,
        ["timestamp"] = timestamp,
    };

    public static JsonObject Veto(TestKey guardian, string proposal, long timestamp, string reason = "no") => new()
    {
        ["guardian"] = guardian.Checksummed,
        ["proposal"] = proposal,
        ["reason"] = reason,
        ["timestamp"] = timestamp,
    };

    public static JsonObject CommitteeChange(TestKey coordinator, string dao, TestKey member, bool granted, long timestamp) => new()
    {
        ["coordinator"] = coordinator.Checksummed,
        ["dao"] = dao,
        ["member"] = member.Checksummed,
        ["granted"] = granted,
        ["timestamp"] = timestamp,
    };

    public static JsonObject ModeratorChange(TestKey appointer, string dao, TestKey moderator, bool granted, long timestamp) => new()
    {
        ["appointer"] = appointer.Checksummed,
        ["dao"] = dao,
        ["moderator"] = moderator.Checksummed,
        ["granted"] = granted,
        ["timestamp"] = timestamp,
    };

    public static JsonObject Attestation(TestKey attester, string dao, string subject, bool attested, long timestamp) => new()
    {
        ["attester"] = attester.Checksummed,
        ["dao"] = dao,
        ["subject"] = subject,
        ["attested"] = attested,
        ["timestamp"] = timestamp,
    };
}
