using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A DAO whose voting power comes from the mirrored chains: BTK summed across them (PowerSource.Tokens lists both), or any
/// other power source (vote escrow and tokens, with multipliers).
/// </summary>
internal sealed class CrossChainDao(IGrainFactory grains, string path, PowerSource power)
{
    public CrossChainDao(IGrainFactory grains, string path, ImmutableArray<string> tokens)
        : this(grains, path, new PowerSource { Tokens = tokens })
    {
    }

    public IDaoGrain Dao => grains.GetGrain<IDaoGrain>(path);

    public ProposalClass Class(TimeSpan votingDelay) => new()
    {
        Name = "both", QuorumBps = 400, VotingDelay = votingDelay, VotingPeriod = TimeSpan.FromHours(1),
        TimelockDelay = TimeSpan.FromHours(1), PowerSource = power, AllowedActions = ActionKinds.None,
    };

    public Task Create(TimeSpan votingDelay) => Dao.CreateRoot(new CreateDaoRequest
    {
        DisplayName = path,
        Constitution = new Constitution
        {
            Classes = [Class(votingDelay), Class(votingDelay) with { Name = "constitutional", QuorumBps = 2000, AllowedActions = ActionKinds.All }],
        },
    });

    public Task<ProposalInfo> Propose(string proposer) => Dao.Propose(new ProposalDraft
    {
        Proposer = proposer, Class = "both", Title = "Cross-chain snapshot", Description = "power is BTK on the L3 and the side chain",
        Digest = Digest(path, proposer),
    });

    public Task<BallotReceipt> Vote(string proposal, string voter) =>
        grains.GetGrain<IProposalGrain>(proposal).CastBallot(new BallotRequest
        {
            Voter = voter, Support = Support.For, Reason = "", Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Digest = Digest(proposal, voter), Signature = "0x",
        });

    private static string Digest(params string[] parts) => Hex.ToHex(Keccak256.Hash(string.Join('|', parts)));

    public static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);
}
