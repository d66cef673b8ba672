using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;

namespace Blocktrack.Grains.Tests;

[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class PersonhoodTests(FakeClockClusterFixture fixture)
{
    private static readonly string Alice = DaoScenario.Address(0x4a), Bob = DaoScenario.Address(0x4b),
        Member = DaoScenario.Address(0x4c), Coordinator = DaoScenario.Address(0x4d), Person = DaoScenario.Address(0x4e);

    private static int digests;

    private static string Digest() => "0x" + Interlocked.Increment(ref digests).ToString("x64");

    private IPersonhoodGrain Entry(string dao, string address) =>
        fixture.Grains.GetGrain<IPersonhoodGrain>(Names.PersonhoodKey(dao, address));

    private async Task<DaoScenario> Dao(string name)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create(roles: new DaoRoles { Coordinators = [Coordinator], Committee = [Member] });
        await s.Fund(Alice, 1000);
        return s;
    }

    [Fact]
    public async Task Only_committee_members_attest_as_the_dao_says_at_the_time()
    {
        var s = await Dao("people-committee");

        var outsider = await Assert.ThrowsAsync<GovernanceException>(() =>
            Entry(s.Dao, Person).AttestByCommittee(Bob, true, Digest(), "0x"));
        Assert.Equal(GovernanceError.NotAuthorized, outsider.Error);
        var coordinator = await Assert.ThrowsAsync<GovernanceException>(() =>
            Entry(s.Dao, Person).AttestByCommittee(Coordinator, true, Digest(), "0x"));
        Assert.Equal(GovernanceError.NotAuthorized, coordinator.Error);
        Assert.False(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, s.Now));

        var record = await Entry(s.Dao, Person).AttestByCommittee(Member, true, Digest(), "0xsig");
        Assert.True(record.Attested);
        Assert.Equal(s.Now, record.Since);
        Assert.Equal((Member, "0xsig"), (record.History.Single().Attester, record.History.Single().Signature));

        // Removed from the committee, the member attests nothing any more.
        await s.DaoGrain.ChangeCommittee(Coordinator, Member, false);
        var removed = await Assert.ThrowsAsync<GovernanceException>(() =>
            Entry(s.Dao, Bob).AttestByCommittee(Member, true, Digest(), "0x"));
        Assert.Equal(GovernanceError.NotAuthorized, removed.Error);
        var missing = await Assert.ThrowsAsync<GovernanceException>(() =>
            Entry("people-nowhere", Person).AttestByCommittee(Member, true, Digest(), "0x"));
        Assert.Equal(GovernanceError.DaoNotFound, missing.Error);
    }

    [Fact]
    public async Task A_revoked_address_is_not_attested_after_the_revocation_but_still_is_before()
    {
        var s = await Dao("people-revoke");
        var digest = Digest();
        await Entry(s.Dao, Person).AttestByCommittee(Member, true, digest, "0x");
        var attestedAt = s.Now;
        s.Advance(TimeSpan.FromHours(5));
        var revoked = await Entry(s.Dao, Person).AttestByCommittee(Member, false, Digest(), "0x");
        var revokedAt = s.Now;

        Assert.False(revoked.Attested);
        Assert.Equal(revokedAt, revoked.Since);
        Assert.Equal([true, false], revoked.History.Select(c => c.Attested));
        Assert.False(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, attestedAt - 1));
        Assert.True(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, attestedAt));
        Assert.True(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, revokedAt - 1));
        Assert.False(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, revokedAt));
        // Another DAO's registry knows nothing of it.
        Assert.False(await Personhood.IsAttestedAt(fixture.Grains, "people-committee", Person, revokedAt - 1));

        var past = await Entry(s.Dao, Person).GetRecord(revokedAt - 1);
        Assert.True(past.Attested);
        Assert.Single(past.History);

        // The same signed attestation again changes nothing.
        var replay = await Entry(s.Dao, Person).AttestByCommittee(Member, true, digest, "0x");
        Assert.False(replay.Attested);
        Assert.Equal(2, replay.History.Length);
    }

    [Fact]
    public async Task An_executed_proposal_attests_and_records_itself_as_the_cause()
    {
        var s = await Dao("people-proposal");
        var p = await s.Propose(Alice, "constitutional", new SetPersonhood(Person, true), new SetPersonhood(Bob, true));

        // Nobody may pass the proposal off as decided before it is.
        var early = await Assert.ThrowsAsync<GovernanceException>(() => Entry(s.Dao, Person).AttestByProposal(p.Id, 0, true));
        Assert.Equal(GovernanceError.NotAuthorized, early.Error);

        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        s.Advance(queued.Eta!.Value - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        var done = await s.WaitFor(p.Id, ProposalState.Executed);
        var executedAt = done.ExecutedAt!.Value.ToUnixTimeSeconds();

        Assert.True(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, executedAt));
        Assert.False(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Person, executedAt - 1));
        var record = await Entry(s.Dao, Bob).GetRecord(s.Now);
        Assert.True(record.Attested);
        var change = record.History.Single();
        Assert.Equal((p.Id, 1, (string?)null), (change.Proposal, change.ActionIndex, change.Attester));

        // An action the proposal does not carry is refused, even for an executed proposal.
        var forged = await Assert.ThrowsAsync<GovernanceException>(() => Entry(s.Dao, Alice).AttestByProposal(p.Id, 0, true));
        Assert.Equal(GovernanceError.NotAuthorized, forged.Error);
        var foreign = await Assert.ThrowsAsync<GovernanceException>(() => Entry("people-revoke", Person).AttestByProposal(p.Id, 0, true));
        Assert.Equal(GovernanceError.NotAuthorized, foreign.Error);
        Assert.Single((await Entry(s.Dao, Person).AttestByProposal(p.Id, 0, true)).History);
    }

    [Fact]
    public async Task A_quadratic_class_counts_only_people_attested_at_the_snapshot()
    {
        var s = new DaoScenario(fixture, "people-gate");
        var quadratic = s.Standard with { Name = "quadratic", QuadraticPower = true, PersonhoodRegistry = "people-gate" };
        await s.Create(s.Constitution(quadratic), new DaoRoles { Coordinators = [Coordinator], Committee = [Member] });
        await s.Fund(Alice, 900);
        await s.Fund(Bob, 400);
        await Entry(s.Dao, Alice).AttestByCommittee(Member, true, Digest(), "0x");

        var p = await s.Propose(Alice, "quadratic");
        await s.OpenVoting(p.Id);
        // Attested after the snapshot: too late for this proposal.
        await Entry(s.Dao, Bob).AttestByCommittee(Member, true, Digest(), "0x");

        var receipt = await s.Vote(p.Id, Alice, Support.For);
        Assert.Equal(30, receipt.Weight);
        var refused = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(p.Id, Bob, Support.Against));
        Assert.Equal(GovernanceError.NotAttested, refused.Error);
        Assert.Equal(1, (await s.Proposal(p.Id).GetTally()).Voters);
        var router = fixture.Grains.GetGrain<IPersonhoodRegistryGrain>(s.Dao);
        Assert.True(await router.IsAttestedAt(Bob, s.Now));
    }

    [Fact]
    public async Task The_winning_choice_of_a_round_attests_its_subject_and_the_losing_one_does_not()
    {
        var s = new DaoScenario(fixture, "people-round");
        var round = s.Standard with { Name = "round", Counting = CountingType.SingleChoice, AllowedActions = ActionKinds.SetPersonhood };
        await s.Create(s.Constitution(round));
        await s.Fund(Alice, 1000);
        var p = await s.ProposeChoices(Alice, "round",
            new ProposalChoice { Label = "alice", Actions = [new SetPersonhood(Person, true)] },
            new ProposalChoice { Label = "bob", Actions = [new SetPersonhood(Bob, true)] });
        await s.OpenVoting(p.Id);
        await s.VoteChoices(p.Id, Alice, [1]);
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        s.Advance(queued.Eta!.Value - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        await s.WaitFor(p.Id, ProposalState.Executed);

        var won = await Eventually.Until(() => Entry(s.Dao, Person).GetRecord(s.Now), r => r.Attested);
        Assert.Equal(p.Id, won.History.Single().Proposal);
        Assert.False(await Personhood.IsAttestedAt(fixture.Grains, s.Dao, Bob, s.Now));
        var losing = await Assert.ThrowsAsync<GovernanceException>(() => Entry(s.Dao, Bob).AttestByProposal(p.Id, 0, true));
        Assert.Equal(GovernanceError.NotAuthorized, losing.Error);
    }

    [Fact]
    public async Task A_quadratic_grants_round_counts_attested_people_and_executes_the_winning_choice()
    {
        var s = new DaoScenario(fixture, "quadratic-round");
        var round = s.Standard with
        {
            Name = "round", Counting = CountingType.Quadratic, PersonhoodRegistry = "quadratic-round", QuorumBps = 0,
        };
        await s.Create(s.Constitution(round), new DaoRoles { Coordinators = [Coordinator], Committee = [Member] });
        // One whale against three small holders: linear power would fund the whale's pick.
        await s.Fund(Alice, 900);
        await s.Fund(Bob, 100);
        await s.Fund(Member, 100);
        await s.Fund(Person, 400);
        var whale = DaoScenario.Address(0x4f);
        await s.Fund(whale, 5000);
        foreach (var voter in new[] { Alice, Bob, Member, Person }) await Entry(s.Dao, voter).AttestByCommittee(Member, true, Digest(), "0x");
        s.Advance(TimeSpan.FromSeconds(2));

        var lab = DaoScenario.Address(0x1ab);
        var school = DaoScenario.Address(0x5c0);
        var p = await s.ProposeChoices(Alice, "round",
            new ProposalChoice { Label = "lab", Actions = [new TreasuryTransfer("btk", lab, 700)] },
            new ProposalChoice { Label = "school", Actions = [new TreasuryTransfer("btk", school, 300)] });
        await s.OpenVoting(p.Id);

        var unattested = await Assert.ThrowsAsync<GovernanceException>(() => s.VoteChoices(p.Id, whale, [1], [1]));
        Assert.Equal(GovernanceError.NotAttested, unattested.Error);
        await s.VoteChoices(p.Id, Alice, [1], [1]); // √900 = 30 for the lab
        foreach (var voter in new[] { Bob, Member, Person }) await s.VoteChoices(p.Id, voter, [2], [1]); // 10 + 10 + 20 = 40
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);

        // Linear power would fund the lab (900 against 600); quadratically the school wins: raw 30² = 900 against
        // 40² = 1,600, rescaled to the 1,500 of power cast.
        var outcome = queued.Tally.Outcome!;
        Assert.Equal(["540.000000000000000000", "960.000000000000000000"], outcome.Scores.ToArray());
        Assert.Equal(2, outcome.Winner);
        Assert.Equal(4, queued.Tally.Voters);
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(p.Id, ProposalState.Executed);
        var treasury = (await s.DaoGrain.GetInfo()).Treasury["btk"];
        Assert.Equal(1_000_000 - 300, treasury);
    }
}
