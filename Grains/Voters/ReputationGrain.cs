using System.Numerics;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// An address's reputation ledger: checkpoints per domain (the awarded domain and every DAO above it), decayed on read,
/// and the awards by cause. Each award is owed to the domains' totals through an outbox saved with it, delivered in
/// order and applied once by sequence, so no total misses or doubles an award. Not reentrant; readings interleave.
/// </summary>
public sealed class ReputationGrain(
    [PersistentState(GovernanceStorage.ReputationState, GovernanceStorage.Name)] IPersistentState<ReputationState> state,
    TimeProvider clock,
    IOptions<GovernanceOptions> options,
    ILogger<ReputationGrain> log) : Grain, IReputationGrain
{
    private readonly CoalescingWriter _writer = new(state.WriteStateAsync);
    private OutboxDelivery<ReputationTransfer>? _delivery;
    private AuditDelivery? _audit;

    private AuditDelivery Audit => _audit ??= new(GrainFactory, () => S.AuditOutbox, _writer.Save, log);

    // The award stays first in the outbox on failure: the next award, retry or activation delivers it, once by sequence.
    private OutboxDelivery<ReputationTransfer> Delivery => _delivery ??= new(() => S.Outbox,
        t => GrainFactory.GetGrain<IReputationSupplyGrain>(ReputationKeys.SupplyOf(t.Domain, Address))
            .Add(Address, t.Sequence, t.At, t.Amount),
        _writer.Save, (e, t) => log.ReputationRetry(e, Address, t.Sequence));

    private string Address => this.GetPrimaryKeyString();
    private ReputationState S => state.State;
    private long HalfLife => options.Value.ReputationHalfLifeSeconds;
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Addresses.Require(Address, "reputation key");
        if (S.Outbox.Count > 0) _ = Deliver();
        _ = Audit.Deliver();
        return Task.CompletedTask;
    }

    public Task<ReputationAward> Award(string domain, string cause, BigInteger amount, long? at) =>
        Award(domain, cause, amount, at, byOperator: false);

    private async Task<ReputationAward> Award(string domain, string cause, BigInteger amount, long? at, bool byOperator)
    {
        if (cause is not null && S.Awards.TryGetValue(cause, out var earlier))
        {
            // Still owed to a total (an earlier delivery failed)? The retry delivers it before answering.
            if (S.Outbox.Count > 0) await Deliver();
            return View(cause, earlier, applied: false);
        }
        var now = Now;
        var when = at ?? now;
        ReputationRules.ValidateAward(domain, cause!, amount, when, now);
        var domains = ReputationRules.DomainAndAncestors(domain);
        foreach (var d in domains) ReputationRules.RequireForward(when, d, ReputationRules.LastTimepoint(History(d)));
        // A new domain must be a DAO (its ancestors then are too); GetInfo refuses an unknown one with dao-not-found.
        if (!S.Domains.ContainsKey(domain)) await GrainFactory.GetGrain<IDaoGrain>(domain).GetInfo();

        foreach (var d in domains)
        {
            if (!S.Domains.TryGetValue(d, out var history)) S.Domains[d] = history = [];
            ReputationRules.Award(history, when, amount, HalfLife);
            S.Outbox.Add(new ReputationTransfer { Sequence = ++S.NextSequence, Domain = d, At = when, Amount = amount });
        }
        var entry = new AwardEntry { Domain = domain, Amount = amount, At = when };
        S.Awards[cause!] = entry;
        if (byOperator)
        {
            S.AuditOutbox.Add(AuditTrail.ByOperator($"reputation:{Address}:{cause}", clock.GetUtcNow(), AuditActs.ReputationAwarded,
                Address, $"{amount} in '{domain}' at {when} for '{cause}'"));
        }
        try
        {
            await _writer.Save();
        }
        catch
        {
            // The change is in memory only: reload what is durable rather than answer from it.
            DeactivateOnIdle();
            throw;
        }
        log.ReputationAwarded(Address, domain, cause!, amount, when);
        await Deliver();
        await Audit.Deliver();
        return View(cause!, entry, applied: true);
    }

    public async Task<ReputationAward> AwardByOperator(string domain, string cause, BigInteger amount, long? at)
    {
        Names.RequireDaoPath(domain ?? "");
        var retired = await GrainFactory.GetGrain<IDaoGrain>(domain!).RetiredOperatorCapabilities();
        Refuse.Unless(!retired.HasFlag(OperatorCapability.AwardReputation), GovernanceError.OperatorRetired,
            $"'{domain}' has retired the operator's reputation awards: reputation there comes only from recorded facts");
        return await Award(domain!, cause, amount, at, byOperator: true);
    }

    public Task<BigInteger> GetReputation(string domain, long timepoint)
    {
        Names.RequireDaoPath(domain ?? "");
        return Task.FromResult(ReputationRules.ValueAt(History(domain!), timepoint, HalfLife));
    }

    private IReadOnlyList<Checkpoint> History(string domain) => S.Domains.TryGetValue(domain, out var h) ? h : [];

    private ReputationAward View(string cause, AwardEntry entry, bool applied) => new()
    {
        Address = Address,
        Domain = entry.Domain,
        Cause = cause,
        Amount = entry.Amount,
        At = entry.At,
        Applied = applied,
        Reputation = ReputationRules.ValueAt(History(entry.Domain), entry.At, HalfLife),
    };

    private Task Deliver() => Delivery.Deliver();
}
