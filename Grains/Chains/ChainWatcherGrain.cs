using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// Mirrors one chain's ERC20Votes logs into voter and supply grains, its Governors' logs into mirror grains, its
/// VotingEscrows' logs into lock and escrow-supply grains, its badge mints into participant grains and the ERC-20
/// transfers of bound treasury accounts into the DAOs' treasury mirrors. Each poll first
/// checks that the last mirrored block is still on the chain; if not, it finds the common ancestor among the recent
/// hashes, rolls the touched voters, locks, supplies and participants back to it and re-mirrors the new branch. Blocks
/// are mirrored only behind the confirmation depth; every application is idempotent by (block, log index), so a restart
/// mid-range applies nothing twice.
/// </summary>
public sealed class ChainWatcherGrain(
    [PersistentState(GovernanceStorage.ChainWatcherState, GovernanceStorage.Name)] IPersistentState<ChainWatcherState> state,
    IOptions<ChainsOptions> options, IChainReaderFactory readers, TimeProvider clock, ILogger<ChainWatcherGrain> log)
    : Grain, IChainWatcherGrain, IRemindable
{
    private const string KeepAlive = "keep-alive";
    private const int MaxRangesPerPoll = 16;

    private ChainOptions _chain = new();
    private IChainReader _reader = null!;
    private IGrainTimer? _timer;
    private long _head = -1;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt, _lastPollAt, _retryAt;
    private int _failures;
    private string? _fingerprint;
    private AuditDelivery? _audit;

    private AuditDelivery Audit => _audit ??= new(GrainFactory, () => S.AuditOutbox, state.WriteStateAsync, log);

    private ChainWatcherState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyLong();
        _chain = options.Value.Find(id) ?? throw new GovernanceException(GovernanceError.InvalidArgument,
            $"chain {id} is not configured (Chains section)");
        _reader = readers.For(_chain);
        _ = Audit.Deliver();
        return Task.CompletedTask;
    }

    public async Task<WatcherStatus> Start()
    {
        await this.RegisterOrUpdateReminder(KeepAlive, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _timer ??= this.RegisterGrainTimer(static (g, _) => g.Tick(), this,
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = _chain.PollInterval });
        return Status();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Start();

    public Task<WatcherStatus> GetStatus() => Task.FromResult(Status());

    public async Task<WatcherStatus> Poll()
    {
        _lastPollAt = clock.GetUtcNow();
        if (await PinRefusal() is { } refusal)
        {
            // Not a node failure to back off from: the configuration itself is refused until it is put back.
            _failures = Math.Max(_failures, 1);
            (_lastError, _lastErrorAt, _retryAt) = (refusal, _lastPollAt, _lastPollAt + TimeSpan.FromSeconds(30));
            log.LogError("Chain {Chain} not mirrored: {Refusal}", _chain.Id, refusal);
            return Status();
        }
        try
        {
            _head = await _reader.BlockNumber();
            await FollowReorg();
            var safe = _head - _chain.Confirmations;
            for (var i = 0; i < MaxRangesPerPoll && S.Cursor < safe; i++)
            {
                await Mirror(S.Cursor + 1, Math.Min(safe, S.Cursor + _chain.MaxBlockRange));
            }
            _failures = 0;
            _retryAt = null;
        }
        catch (Exception e) when (e is not GovernanceException)
        {
            // Back off exponentially while the node is unreachable or misbehaving; the status shows why.
            _failures++;
            _lastError = e.Message;
            _lastErrorAt = clock.GetUtcNow();
            var backoff = Math.Min(60, Math.Pow(2, Math.Min(_failures, 6)));
            _retryAt = _lastErrorAt + TimeSpan.FromSeconds(backoff * _chain.PollInterval.TotalSeconds);
            log.LogWarning("Chain {Chain} poll failed ({Failures} in a row): {Error}", _chain.Id, _failures, e.Message);
        }
        return Status();
    }

    /// <summary>Why the running configuration may not be mirrored: a DAO pinned another when it retired configuring chains.</summary>
    private async Task<string?> PinRefusal()
    {
        var pin = await GrainFactory.GetGrain<IClusterCharterGrain>(0).PinOf(_chain.Id);
        _fingerprint ??= ChainFingerprint.Of(_chain);
        return pin is null || pin.Fingerprint == _fingerprint
            ? null
            : $"operator-retired: '{pin.PinnedBy[0]}' retired configuring chain {_chain.Id} at {pin.PinnedAt:u}, pinning its "
              + $"configuration {pin.Fingerprint}; the running one is {_fingerprint}. Restore the pinned contracts and confirmations.";
    }

    private async Task Tick()
    {
        if (_retryAt is { } retry && clock.GetUtcNow() < retry) return;
        await Poll();
    }

    private async Task FollowReorg()
    {
        if (S.Recent.Count == 0) return;
        var last = S.Recent[^1];
        if ((await _reader.Block(last.Number))?.Hash == last.Hash) return;

        BlockRef? ancestor = null;
        for (var i = S.Recent.Count - 2; i >= 0 && ancestor is null; i--)
        {
            if ((await _reader.Block(S.Recent[i].Number))?.Hash == S.Recent[i].Hash) ancestor = S.Recent[i];
        }
        // No common ancestor: while the window still holds everything mirrored (a young or reset dev chain) every touched
        // voter is known, so start over from genesis. Deeper than a trimmed window they are not: stop loudly rather than
        // mirror a chain half of whose history is stale. A larger ReorgWindow resolves it.
        if (ancestor is null && S.WindowTrimmed)
            throw new InvalidOperationException(
                $"chain {_chain.Id} reorganised deeper than the reorg window of {_chain.ReorgWindow} blocks "
                + $"(no common ancestor since block {S.Recent[0].Number}); mirroring stopped");
        var common = ancestor ?? new BlockRef(-1, "", 0);
        var from = common.Number + 1;
        log.LogWarning("Chain {Chain} reorganised: rolling back from block {From}", _chain.Id, from);
        var touched = S.Touched.Where(t => t.Block >= from).Select(t => (t.Token, t.Voter)).Distinct().ToList();
        foreach (var (token, voter) in touched.Where(t => !EscrowDispatch.IsEscrow(_chain, t.Token)))
        {
            await GrainFactory.GetGrain<IVoterGrain>(voter).RollbackChain(token, from);
        }
        foreach (var token in _chain.Tokens.Select(t => t.Token).Distinct())
        {
            await GrainFactory.GetGrain<ITokenSupplyGrain>(token).RollbackChain(from);
        }
        await EscrowDispatch.Rollback(_chain, GrainFactory, from, touched.Where(t => EscrowDispatch.IsEscrow(_chain, t.Token)));
        await GovernorDispatch.Rollback(_chain, GrainFactory, common);
        await BadgeDispatch.Rollback(_chain.Id, GrainFactory, from, S.Badged);
        await TreasuryDispatch.Rollback(_chain.Id, GrainFactory, from);
        S.Recent.RemoveAll(b => b.Number >= from);
        S.Touched.RemoveAll(t => t.Block >= from);
        S.Badged.RemoveAll(t => t.Block >= from);
        S.Cursor = common.Number;
        S.CursorTimestamp = common.Timestamp;
        S.Reorgs++;
        S.AuditOutbox.Add(AuditTrail.ByWatcher(_chain.Id, $"rollback:{_chain.Id}#{S.Reorgs}", clock.GetUtcNow(), AuditActs.WatcherRollback,
            $"rolled back from block {from} to common ancestor {common.Number}; {touched.Count} voter position(s) touched"));
        await state.WriteStateAsync();
        await Audit.Deliver();
    }

    private async Task Mirror(long from, long to)
    {
        var governors = new GovernorDispatch(_chain, GrainFactory, log);
        var escrows = new EscrowDispatch(_chain, GrainFactory);
        var badges = new BadgeDispatch(_chain, GrainFactory, log);
        var treasuries = new TreasuryDispatch(_chain.Id, GrainFactory);
        var headers = new SortedDictionary<long, ChainBlock>();
        await treasuries.Open(_reader, from - 1, n => Header(headers, n));
        var addresses = _chain.Tokens.Select(t => t.Address.ToLowerInvariant())
            .Concat(governors.Addresses).Concat(escrows.Addresses).ToList();
        var logs = (await _reader.Logs(from, to, addresses, [.. VoteLogs.Topics, .. governors.Topics, .. escrows.Topics]))
            .Concat(await badges.Logs(_reader, from, to)).Concat(await treasuries.Logs(_reader, from, to));
        // Votes are gathered per delegate and supply changes per token, then handed over once per range.
        var votes = new Dictionary<(string Token, string Voter), List<ChainValue>>();
        var supply = new Dictionary<string, List<ChainValue>>();
        foreach (var entry in logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex))
        {
            var header = await Header(headers, entry.BlockNumber);
            if (header.Hash != entry.BlockHash)
                throw new InvalidOperationException($"block {entry.BlockNumber} changed while mirroring it");
            if (governors.Collect(entry, header.Timestamp) || escrows.Collect(entry, header.Timestamp, S.Touched)
                || badges.Collect(entry, S.Badged) || treasuries.Collect(entry, header.Timestamp))
            {
                S.LogsApplied++;
                continue;
            }
            var token = _chain.Tokens.First(t => string.Equals(t.Address, entry.Address, StringComparison.OrdinalIgnoreCase)).Token;
            if (entry.Topics[0] == VoteLogs.DelegateVotesChanged)
            {
                var (delegatee, previous, current) = VoteLogs.DecodeVotesChanged(entry);
                Add(votes, (token, delegatee), new ChainValue(entry.BlockNumber, entry.LogIndex, header.Timestamp, current));
                Add(supply, token, new ChainValue(entry.BlockNumber, entry.LogIndex, header.Timestamp, current - previous));
                S.Touched.Add(new TouchedVoter(entry.BlockNumber, token, delegatee));
            }
            else if (entry.Topics[0] == VoteLogs.DelegateChanged)
            {
                var (delegator, delegatee) = VoteLogs.DecodeDelegateChanged(entry);
                await GrainFactory.GetGrain<IVoterGrain>(delegator).ApplyChainDelegate(token, delegatee);
            }
            S.LogsApplied++;
        }
        await Task.WhenAll(votes.Select(v =>
            GrainFactory.GetGrain<IVoterGrain>(v.Key.Voter).ApplyChainVoteHistory(v.Key.Token, [.. v.Value])));
        foreach (var (token, deltas) in supply) await GrainFactory.GetGrain<ITokenSupplyGrain>(token).ApplyChainDeltas([.. deltas]);
        await escrows.Flush();
        await badges.Flush();
        var end = await Header(headers, to);
        // Before the cursor moves: a failed hand-over re-mirrors the range, which the governor grains apply only once.
        var floor = S.Recent.Count > 0 ? S.Recent[0].Number : from;
        await governors.Flush(new GovernorSync(to, end.Timestamp, floor));
        await treasuries.Flush(_reader, to, end.Timestamp, floor);
        S.Recent.AddRange(headers.Values
            .Where(h => S.Recent.Count == 0 || h.Number > S.Recent[^1].Number)
            .Select(h => new BlockRef(h.Number, h.Hash, h.Timestamp)));
        if (S.Recent.Count > _chain.ReorgWindow)
        {
            S.Recent.RemoveRange(0, S.Recent.Count - _chain.ReorgWindow);
            S.WindowTrimmed = true;
        }
        S.Touched.RemoveAll(t => t.Block < S.Recent[0].Number);
        S.Badged.RemoveAll(t => t.Block < S.Recent[0].Number);
        S.Cursor = to;
        S.CursorTimestamp = end.Timestamp;
        await state.WriteStateAsync();
    }

    private static void Add<TKey>(Dictionary<TKey, List<ChainValue>> groups, TKey key, ChainValue value) where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
        list.Add(value);
    }

    private async Task<ChainBlock> Header(IDictionary<long, ChainBlock> cache, long number)
    {
        if (cache.TryGetValue(number, out var header)) return header;
        header = await _reader.Block(number) ?? throw new InvalidOperationException($"block {number} is not on the chain any more");
        cache[number] = header;
        return header;
    }

    private WatcherStatus Status()
    {
        var now = clock.GetUtcNow();
        return new WatcherStatus
        {
            ChainId = _chain.Id, Name = _chain.Name, Head = _head, Cursor = S.Cursor, CursorTimestamp = S.CursorTimestamp,
            LagBlocks = _head < 0 ? 0 : Math.Max(0, _head - S.Cursor),
            LagSeconds = S.CursorTimestamp == 0 ? 0 : Math.Max(0, now.ToUnixTimeSeconds() - S.CursorTimestamp),
            LastError = _lastError, LastErrorAt = _lastErrorAt, LastPollAt = _lastPollAt,
            Healthy = _failures == 0 && _lastPollAt is not null, LogsApplied = S.LogsApplied, Reorgs = S.Reorgs,
        };
    }
}
