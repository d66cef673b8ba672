using System.Globalization;
using System.Numerics;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>The OpenZeppelin Governor events a watcher mirrors, and their decoding into <see cref="GovernorEvent"/>s.</summary>
public static class GovernorLogs
{
    public static readonly AbiEvent ProposalCreated = AbiEvent.Parse(
        "event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, "
        + "bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)");
    public static readonly AbiEvent VoteCast = AbiEvent.Parse(
        "event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)");
    public static readonly AbiEvent VoteCastWithParams = AbiEvent.Parse(
        "event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)");
    public static readonly AbiEvent ProposalCanceled = AbiEvent.Parse("event ProposalCanceled(uint256 proposalId)");
    public static readonly AbiEvent ProposalQueued = AbiEvent.Parse("event ProposalQueued(uint256 proposalId, uint256 etaSeconds)");
    public static readonly AbiEvent ProposalExecuted = AbiEvent.Parse("event ProposalExecuted(uint256 proposalId)");

    private static readonly AbiEvent[] Events =
        [ProposalCreated, VoteCast, VoteCastWithParams, ProposalCanceled, ProposalQueued, ProposalExecuted];

    public static readonly IReadOnlyList<string> Topics = [.. Events.Select(e => e.Topic0Hex)];

    /// <summary>The event a log carries, placed at its block; null for a log that is none of the mirrored events (or malformed).</summary>
    public static GovernorEvent? Decode(ChainLog log, long timestamp)
    {
        var abi = Events.FirstOrDefault(e =>
            log.Topics.Count > 0 && string.Equals(log.Topics[0], e.Topic0Hex, StringComparison.OrdinalIgnoreCase));
        if (abi is null) return null;
        DecodedEvent decoded;
        try
        {
            decoded = abi.Decode(log.Topics, Hex.Parse(log.Data));
        }
        catch (Exception e) when (e is AbiException or FormatException)
        {
            return null;
        }
        var at = new GovernorEvent
        {
            Block = log.BlockNumber, LogIndex = log.LogIndex, Timestamp = timestamp,
            ProposalId = decoded.Get<BigInteger>("proposalId").ToString(CultureInfo.InvariantCulture),
        };
        return abi.Name switch
        {
            "ProposalCreated" => at with
            {
                Kind = GovernorEventKind.Created,
                Proposer = decoded.Get<string>("proposer"),
                Targets = [.. decoded.Get<object?[]>("targets").Cast<string>()],
                Values = [.. decoded.Get<object?[]>("values").Cast<BigInteger>()],
                Signatures = [.. decoded.Get<object?[]>("signatures").Cast<string>()],
                Calldatas = [.. decoded.Get<object?[]>("calldatas").Cast<byte[]>().Select(b => Hex.ToHex(b))],
                VoteStart = Seconds(decoded.Get<BigInteger>("voteStart")),
                VoteEnd = Seconds(decoded.Get<BigInteger>("voteEnd")),
                Description = decoded.Get<string>("description"),
            },
            "VoteCast" or "VoteCastWithParams" => at with
            {
                Kind = GovernorEventKind.VoteCast,
                Voter = decoded.Get<string>("voter"),
                Support = (int)decoded.Get<BigInteger>("support"),
                Weight = decoded.Get<BigInteger>("weight"),
                Reason = decoded.Get<string>("reason"),
            },
            "ProposalCanceled" => at with { Kind = GovernorEventKind.Canceled },
            "ProposalQueued" => at with { Kind = GovernorEventKind.Queued, Eta = Seconds(decoded.Get<BigInteger>("etaSeconds")) },
            _ => at with { Kind = GovernorEventKind.Executed },
        };
    }

    // Timepoints are uint48 on OpenZeppelin's clocks; saturate rather than fail on a contract that says otherwise.
    private static long Seconds(BigInteger value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
