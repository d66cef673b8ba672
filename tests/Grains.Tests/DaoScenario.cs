using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>One DAO with its own token in the shared cluster, and shorthand to drive it.</summary>
public sealed class DaoScenario(IFakeClockCluster fixture, string dao)
{
    public string Dao { get; } = dao;
    public string Token { get; } = $"{dao}-btk";
    public IGrainFactory Grains => fixture.Grains;

    public static string Address(int n) => $"0x{n:x40}";

    public ProposalClass Standard => new()
    {
        Name = "standard", QuorumBps = 400, ApprovalThresholdBps = 5000, VotingDelay = TimeSpan.FromHours(1),
        VotingPeriod = TimeSpan.FromDays(3), TimelockDelay = TimeSpan.FromDays(1), GracePeriod = TimeSpan.FromDays(7),
        PowerSource = PowerSource.TokenVotes(Token), AllowBallotChange = true,
        AllowedActions = ActionKinds.TreasuryTransfer | ActionKinds.AllocateBudget | ActionKinds.CreateSubDao | ActionKinds.SetRole,
    };

    public ProposalClass Constitutional => Standard with
    {
        Name = "constitutional", QuorumBps = 2000, ApprovalThresholdBps = 6667, VotingPeriod = TimeSpan.FromDays(5),
        TimelockDelay = TimeSpan.FromDays(2), AllowBallotChange = false, AllowedActions = ActionKinds.All,
    };

    public Constitution Constitution(params ProposalClass[] extra) => new()
    {
        Classes = [Standard, Constitutional, .. extra],
        SubDaoBounds = new ConstitutionBounds
        {
            MinQuorumBps = 100, MinVotingPeriod = TimeSpan.FromDays(1), MaxVotingPeriod = TimeSpan.FromDays(14),
            AllowedActions = ActionKinds.All,
        },
    };

    public IDaoGrain DaoGrain => Grains.GetGrain<IDaoGrain>(Dao);

    public Task<DaoInfo> Create(Constitution? constitution = null, DaoRoles? roles = null, BigInteger? treasury = null) =>
        DaoGrain.CreateRoot(new CreateDaoRequest
        {
            DisplayName = Dao, Constitution = constitution ?? Constitution(), Roles = roles ?? new DaoRoles(),
            Treasury = ImmutableDictionary<string, BigInteger>.Empty.Add("btk", treasury ?? 1_000_000),
        });

    public long Now => fixture.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Gives the voter a balance now and, by default, delegates it to itself.</summary>
    public async Task Fund(string voter, BigInteger balance, bool selfDelegate = true)
    {
        var grain = Grains.GetGrain<IVoterGrain>(voter);
        await grain.RecordBalance(Token, Now, balance);
        if (selfDelegate) await grain.Delegate(Token, voter);
    }

    public Task<ProposalInfo> Propose(string proposer, string cls, params ProposalAction[] actions) =>
        DaoGrain.Propose(new ProposalDraft
        {
            Proposer = proposer, Class = cls, Title = $"{cls} proposal", Description = "test", Actions = [.. actions],
            Digest = Digest(proposer, cls, Now),
        });

    public Task<BallotReceipt> Vote(string proposal, string voter, Support support, long? timestamp = null)
    {
        var ts = timestamp ?? Now;
        return Grains.GetGrain<IProposalGrain>(proposal).CastBallot(new BallotRequest
        {
            Voter = voter, Support = support, Reason = "", Timestamp = ts, Digest = Digest(voter, proposal, (long)support, ts),
            Signature = "0x",
        });
    }

    public Task<ProposalInfo> ProposeChoices(string proposer, string cls, params ProposalChoice[] choices) =>
        DaoGrain.Propose(new ProposalDraft
        {
            Proposer = proposer, Class = cls, Title = $"{cls} round", Description = "test", Actions = [], Choices = [.. choices],
            Digest = Digest(proposer, cls, Now, choices.Length),
        });

    /// <summary>A choice ballot: <paramref name="choices"/> numbered from 1, weights beside them when the type takes any.</summary>
    public Task<BallotReceipt> VoteChoices(string proposal, string voter, ushort[] choices, ulong[]? weights = null, long? timestamp = null)
    {
        var ts = timestamp ?? Now;
        return Grains.GetGrain<IProposalGrain>(proposal).CastBallot(new BallotRequest
        {
            Voter = voter, Choices = [.. choices], Weights = [.. weights ?? []], Reason = "", Timestamp = ts,
            Digest = Digest(voter, proposal, string.Join(',', choices), string.Join(',', weights ?? []), ts), Signature = "0x",
        });
    }

    public IProposalGrain Proposal(string id) => Grains.GetGrain<IProposalGrain>(id);

    public Task<ProposalInfo> WaitFor(string id, ProposalState state) =>
        Eventually.Until(() => Proposal(id).GetInfo(), p => p.State == state);

    public void Advance(TimeSpan by) => fixture.Clock.Advance(by);

    /// <summary>Moves the clock past the proposal's snapshot so voting is open.</summary>
    public async Task OpenVoting(string id)
    {
        var info = await Proposal(id).GetInfo();
        Advance(info.Snapshot - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await WaitFor(id, ProposalState.Active);
    }

    /// <summary>Moves the clock just past the voting deadline.</summary>
    public async Task CloseVoting(string id)
    {
        var info = await Proposal(id).GetInfo();
        Advance(info.Deadline - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
    }

    /// <summary>Votes the proposal through with <paramref name="voter"/>'s power and waits out its timelock: executed or failed.</summary>
    public async Task<ProposalInfo> Pass(ProposalInfo p, string voter)
    {
        await OpenVoting(p.Id);
        await Vote(p.Id, voter, Support.For);
        await CloseVoting(p.Id);
        var queued = await WaitFor(p.Id, ProposalState.Queued);
        Advance(queued.Eta!.Value - DateTimeOffset.FromUnixTimeSeconds(Now));
        return await Eventually.Until(() => Proposal(p.Id).GetInfo(), i => i.State == ProposalState.Executed || i.ExecutionError is not null);
    }

    private static string Digest(params object[] parts) => Hex.ToHex(Keccak256.Hash(string.Join('|', parts)));
}
