using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>Pure rules of the Governor mirror: folding logs into a proposal's facts and deriving its state as OpenZeppelin does.</summary>
public static class MirrorRules
{
    /// <summary>Whether the log comes after everything folded into <paramref name="facts"/> (else it is a repeat).</summary>
    public static bool IsNew(MirroredProposalFacts facts, GovernorEvent e) =>
        e.Block > facts.LastBlock || (e.Block == facts.LastBlock && e.LogIndex > facts.LastLogIndex);

    public static MirroredProposalFacts Apply(MirroredProposalFacts facts, GovernorEvent e)
    {
        var applied = e.Kind switch
        {
            GovernorEventKind.Created => facts with
            {
                Exists = true, Proposer = e.Proposer, Targets = e.Targets, Values = e.Values, Signatures = e.Signatures,
                Calldatas = e.Calldatas, VoteStart = e.VoteStart, VoteEnd = e.VoteEnd, Description = e.Description, CreatedBlock = e.Block,
            },
            GovernorEventKind.VoteCast => facts with { Tally = Count(facts.Tally, e.Support, e.Weight) },
            GovernorEventKind.Canceled => facts with { CanceledBlock = e.Block },
            GovernorEventKind.Queued => facts with { QueuedBlock = e.Block, Eta = e.Eta },
            GovernorEventKind.Executed => facts with { ExecutedBlock = e.Block },
            _ => facts,
        };
        return applied with { LastBlock = e.Block, LastLogIndex = e.LogIndex, LastTimestamp = e.Timestamp };
    }

    /// <summary>GovernorCountingSimple: 0 Against, 1 For, 2 Abstain. Other values (other counting modules) count the voter only.</summary>
    public static Tally Count(Tally tally, int support, BigInteger weight) => support switch
    {
        0 => tally with { Against = tally.Against + weight, Voters = tally.Voters + 1 },
        1 => tally with { For = tally.For + weight, Voters = tally.Voters + 1 },
        2 => tally with { Abstain = tally.Abstain + weight, Voters = tally.Voters + 1 },
        _ => tally with { Voters = tally.Voters + 1 },
    };

    /// <summary>
    /// OpenZeppelin Governor's <c>state()</c> at chain time <paramref name="now"/>: executed, canceled, pending up to
    /// the snapshot, active up to the deadline, then defeated unless quorum (For + Abstain) and For &gt; Against hold,
    /// queued once the timelock has it. Without a known quorum the outcome is provisional.
    /// </summary>
    public static (ProposalState State, bool Provisional) StateAt(MirroredProposalFacts facts, long now, BigInteger? quorum)
    {
        if (facts.ExecutedBlock is not null) return (ProposalState.Executed, false);
        if (facts.CanceledBlock is not null) return (ProposalState.Canceled, false);
        if (facts.VoteStart >= now) return (ProposalState.Pending, false);
        if (facts.VoteEnd >= now) return (ProposalState.Active, false);
        // Only a succeeded proposal can be queued, so the timelock's word settles the outcome.
        if (facts.QueuedBlock is not null) return (ProposalState.Queued, false);
        var tally = facts.Tally;
        if (tally.For <= tally.Against) return (ProposalState.Defeated, false);
        if (quorum is not { } required) return (ProposalState.Succeeded, true);
        return (tally.For + tally.Abstain >= required ? ProposalState.Succeeded : ProposalState.Defeated, false);
    }

    /// <summary>The first non-empty line of a description, without Markdown heading marks, at most 200 characters.</summary>
    public static string Title(string description)
    {
        var line = description.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= 200 ? line : line[..197] + "...";
    }

    public static MirroredProposalInfo Info(
        MirroredProposalFacts facts, long chainId, string governor, string dao, string id, long now, BigInteger? quorum)
    {
        var (state, provisional) = StateAt(facts, now, quorum);
        return new MirroredProposalInfo
        {
            ChainId = chainId, Governor = governor, Dao = dao, Id = id, Proposer = facts.Proposer,
            Title = Title(facts.Description), Description = facts.Description,
            Targets = facts.Targets, Values = facts.Values, Signatures = facts.Signatures, Calldatas = facts.Calldatas,
            VoteStart = facts.VoteStart, VoteEnd = facts.VoteEnd, State = state, Tally = facts.Tally, Quorum = quorum,
            Eta = facts.Eta, CreatedBlock = facts.CreatedBlock, CanceledBlock = facts.CanceledBlock, QueuedBlock = facts.QueuedBlock,
            ExecutedBlock = facts.ExecutedBlock, LastBlock = facts.LastBlock, AsOf = now, Provisional = provisional,
        };
    }
}
