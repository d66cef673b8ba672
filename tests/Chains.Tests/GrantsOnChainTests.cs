using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A grant program whose asset the DAO holds in its own TimelockController: the program earmarks the on-chain balance (no
/// other action may spend it), an approved milestone is an ERC-20 transfer executed by that timelock, a clawback and the
/// close lift the earmark, and the chain's balances agree at every step.
/// </summary>
[Trait("Category", TestCategory.Chain)]
public sealed class GrantsOnChainTests(ExecutorFixture chain) : IClassFixture<ExecutorFixture>
{
    private const string Member = "0x00000000000000000000000000000000000000c1";
    private const string Grantee = "0x00000000000000000000000000000000000000c2";
    private readonly TreasuryChain vaults = new(chain);

    [Fact]
    public async Task Milestones_are_paid_by_the_daos_timelock_from_an_earmarked_balance()
    {
        var btk = await chain.Dev.DeployAsync("BlocktrackToken", TreasuryChain.Funder, DevAccounts.AddressOf(TreasuryChain.Funder));
        var vault = await vaults.Timelock();
        var dao = await vaults.Dao("grant-vault", vault, btk.Address, roles: new DaoRoles { Committee = [Member] });
        await vaults.Succeed(btk, TreasuryChain.Funder, "mint", vault, (BigInteger)10_000);
        await vaults.AssertMirrored(dao, "grant-vault", vault, btk.Address, 10_000);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var terms = new GrantProgramTerms
        {
            Name = "On-chain grants", Asset = "btk", Budget = 3_000, ApplicationsOpen = now - 10, ApplicationsClose = now + 25,
            EndsAt = now + 30, Approvals = 1, MaxGrant = 3_000, Sdgs = [8],
        };
        var opened = await chain.PassAndWait(dao, TreasuryChain.Voter, new OpenGrantProgram(terms));
        Assert.True(opened.State == ProposalState.Executed, opened.ExecutionError);
        Assert.Equal(7_000, (await dao.GetInfo()).Treasury["btk"]); // 10,000 on chain, 3,000 of it the program's
        var overspend = await chain.PassAndWait(dao, TreasuryChain.Voter, new TreasuryTransfer("btk", Grantee, 7_001));
        Assert.Contains("treasury holds 7000 btk", overspend.ExecutionError);

        var program = chain.Grains.GetGrain<IGrantProgramGrain>(Names.ProgramKey("grant-vault", 1));
        await program.Apply(new GrantApplication
        {
            Applicant = Grantee, Recipient = Grantee, Title = "Bootcamp", Amount = 2_000, Digest = "0xb007",
            Milestones =
            [
                new MilestonePlan { Description = "Week 1", ShareBps = 5_000, Due = now + 20 },
                new MilestonePlan { Description = "Week 2", ShareBps = 5_000, Due = now + 28 },
            ],
        });
        var grant = chain.Grains.GetGrain<IGrantGrain>(Names.GrantKey("grant-vault", 1, 1));
        Assert.Equal(GrantStatus.Active, (await grant.Review(Member, GrantDecision.Approve, "good", "0x01")).Status);
        await grant.Submit(Grantee, 0, "https://example.org/week-1", "0x" + new string('1', 64), "0x02");
        var paid = await grant.ReviewMilestone(Member, 0, true, "delivered", "0x03");
        Assert.Equal(MilestoneStatus.Paid, paid.Milestones[0].Status);
        Assert.StartsWith("0x", paid.Milestones[0].Transaction!.Hash);
        Assert.Equal(1_000, await btk.CallAsync<BigInteger>("balanceOf", Grantee));
        Assert.Equal(9_000, await btk.CallAsync<BigInteger>("balanceOf", vault));
        // Mirrored 9,000, of which the program still holds 2,000 (1,000 reserved for week 2, 1,000 free).
        await Eventually.Until(() => dao.GetInfo(), d => d.Treasury["btk"] == 7_000, TimeSpan.FromSeconds(30), "earmark after the payment");

        // The clawback frees week 2's tranche in the program; the close hands the program's free budget back.
        await grant.Review(Member, GrantDecision.Cancel, "the bootcamp stopped", "0x04");
        Assert.Equal(new ProgramLedger { Budget = 3_000, Paid = 1_000, Free = 2_000 }, (await program.GetInfo(0, 1)).Ledger);
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, terms.EndsAt - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1)));
        Assert.True((await program.Tick()).Closed);
        await Eventually.Until(() => dao.GetInfo(), d => d.Treasury["btk"] == 9_000, TimeSpan.FromSeconds(30), "earmark lifted");
        Assert.Equal(9_000, await btk.CallAsync<BigInteger>("balanceOf", vault));
    }
}
