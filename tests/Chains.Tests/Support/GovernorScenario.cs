using System.Numerics;
using Blocktrack.Chain;

namespace Blocktrack.Chains.Tests;

/// <summary>A real proposal on the L3's Governor: three fresh voters (600, 250 and 100 BTK), one proposal, and its votes.</summary>
internal sealed class GovernorScenario(TestChain chain)
{
    public static readonly BigInteger Token = BigInteger.Pow(10, 18);

    public List<byte[]> Voters { get; } = [];
    public string Description { get; private set; } = "";
    public object?[] Actions { get; private set; } = [];
    public BigInteger ProposalId { get; private set; }

    public string Id => ProposalId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task Propose(string title)
    {
        for (var i = 0; i < 3; i++) Voters.Add(await chain.NewFundedKey());
        foreach (var (key, amount) in Voters.Zip(new[] { 600, 250, 100 }))
            await chain.MintAndDelegate([key], amount * Token);
        // A harmless action: the timelock delegates its (zero) BTK to itself.
        Actions = [new[] { chain.Btk.Address }, new[] { 0 }, new[] { chain.Btk.Encode("delegate", chain.Timelock.Address) }];
        Description = $"# {title}\n\nThe timelock delegates its BTK to itself. ({Guid.NewGuid():N})";
        var proposed = await chain.Send(chain.Governor, Voters[0], "propose", [.. Actions, Description]);
        var created = Assert.Single(chain.Governor.DecodeLogs(proposed), e => e.Name == "ProposalCreated");
        ProposalId = (BigInteger)created["proposalId"]!;
    }

    /// <summary>Opens voting, then For (600), Against (250), and Abstain (100) through castVoteWithReasonAndParams.</summary>
    public async Task Vote()
    {
        await chain.AdvanceTime(TestChain.VotingDelaySeconds + 1);
        await chain.Send(chain.Governor, Voters[0], "castVote", ProposalId, 1);
        await chain.Send(chain.Governor, Voters[1], "castVoteWithReason", ProposalId, 0, "too early");
        await chain.Send(chain.Governor, Voters[2], "castVoteWithReasonAndParams", ProposalId, 2, "abstaining", new byte[] { 1 });
    }

    public Task Queue() => chain.Send(chain.Governor, Voters[1], "queue", [.. Actions, Keccak256.Hash(Description)]);

    public async Task<long> Snapshot() => (long)await chain.Governor.CallAsync<BigInteger>("proposalSnapshot", ProposalId);

    public async Task<long> Deadline() => (long)await chain.Governor.CallAsync<BigInteger>("proposalDeadline", ProposalId);

    public async Task<int> State() => (int)await chain.Governor.CallAsync<BigInteger>("state", ProposalId);
}
