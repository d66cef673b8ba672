using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// The cluster's one publisher to the anchor contract (results, constitution hashes, the audit log's running hash). Records wait in a saved
/// outbox and go out one transaction at a time (one account, one nonce sequence); before sending, the chain is read so a record that
/// already landed (say, before a crash) is not sent twice. Failures stay queued and are retried by a timer.
/// </summary>
public sealed class AnchorGrain(
    [PersistentState(GovernanceStorage.AnchorState, GovernanceStorage.Name)] IPersistentState<AnchorState> state,
    IChainExecutor chains, TimeProvider clock, ILogger<AnchorGrain> log) : Grain, IAnchorGrain, IRemindable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);
    private IGrainTimer? _timer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending.Count > 0) await Arm();
    }

    public async Task Publish(AnchorRecord record)
    {
        if (chains.AnchorChain is not { } chain) return;
        if (state.State.Published.ContainsKey(record.Key) || state.State.Pending.Any(p => p.Key == record.Key)) return;
        state.State.Pending.Add(record with { Chain = chain, QueuedAt = clock.GetUtcNow() });
        await state.WriteStateAsync();
        await Arm();
    }

    public Task<AnchorRecord?> Get(string key) => Task.FromResult(
        state.State.Published.GetValueOrDefault(key) ?? state.State.Pending.FirstOrDefault(p => p.Key == key));

    public async Task<AnchorCheck> Check(string key)
    {
        var record = await Get(key);
        if (record is null || chains.AnchorChain is null) return new AnchorCheck { Record = record };
        if (record.AuditSeq is { } seq)
        {
            var audit = Hex.ToHex((byte[])(await chains.ReadAnchor("auditAt", [(BigInteger)seq]))[0]!);
            var present = audit != Hex.ToHex(new byte[32]);
            return new AnchorCheck { Record = record, OnChain = present, OnChainHash = audit, Matches = present && audit == record.Hash };
        }
        if (record.State is { } s)
        {
            var result = (object?[])(await chains.ReadAnchor("resultOf", [record.Subject]))[0]!;
            var onChain = (bool)result[6]!;
            var hash = Hex.ToHex((byte[])result[4]!);
            var state = (int)(BigInteger)result[0]!;
            var matches = onChain && state == (int)s && hash == record.Hash && (BigInteger)result[1]! == record.For
                          && (BigInteger)result[2]! == record.Against && (BigInteger)result[3]! == record.Abstain;
            return new AnchorCheck { Record = record, OnChain = onChain, OnChainHash = hash, OnChainState = state, Matches = matches };
        }
        var read = await chains.ReadAnchor("constitutionAt", [record.Subject, (BigInteger)record.Version!.Value]);
        var constitution = Hex.ToHex((byte[])read[0]!);
        var recorded = constitution != Hex.ToHex(new byte[32]);
        return new AnchorCheck
        {
            Record = record,
            OnChain = recorded,
            OnChainHash = constitution,
            Matches = recorded && constitution == record.Hash,
        };
    }

    public async Task<int> Flush()
    {
        var sent = 0;
        while (state.State.Pending.Count > 0)
        {
            var record = state.State.Pending[0];
            var done = await Send(record);
            if (!done.Published)
            {
                state.State.Pending[0] = done;
                await state.WriteStateAsync();
                break;
            }
            state.State.Pending.RemoveAt(0);
            state.State.Published[done.Key] = done;
            await state.WriteStateAsync();
            sent++;
        }
        if (state.State.Pending.Count == 0) await Disarm();
        return sent;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Flush();

    private async Task<AnchorRecord> Send(AnchorRecord record)
    {
        try
        {
            if (await AlreadyOnChain(record)) return record with { Published = true, LastError = null };
            var tx = record.AuditSeq is { } seq
                ? await chains.Anchor("recordAudit", [(BigInteger)seq, Hex.Parse(record.Hash, 32)])
                : record.State is { } s
                ? await chains.Anchor("recordResult",
                    [record.Subject, (BigInteger)(int)s, record.For, record.Against, record.Abstain, Hex.Parse(record.Hash, 32)])
                : await chains.Anchor("recordConstitution",
                    [record.Subject, (BigInteger)record.Version!.Value, Hex.Parse(record.Hash, 32)]);
            return record with { Transaction = tx, Published = tx.Succeeded, LastError = tx.Error };
        }
        catch (Exception e) when (e is not GovernanceException)
        {
            log.LogWarning("Anchoring {Key} failed: {Error}", record.Key, e.Message);
            return record with { LastError = e.Message };
        }
    }

    private async Task<bool> AlreadyOnChain(AnchorRecord record)
    {
        if (record.AuditSeq is { } seq)
            return Hex.ToHex((byte[])(await chains.ReadAnchor("auditAt", [(BigInteger)seq]))[0]!) == record.Hash;
        if (record.State is { } s)
        {
            var result = (object?[])(await chains.ReadAnchor("resultOf", [record.Subject]))[0]!;
            return (bool)result[6]! && (BigInteger)result[0]! == (int)s;
        }
        var hash = (byte[])(await chains.ReadAnchor("constitutionAt", [record.Subject, (BigInteger)record.Version!.Value]))[0]!;
        return Hex.ToHex(hash) == record.Hash;
    }

    private async Task Arm()
    {
        _timer ??= this.RegisterGrainTimer(static (g, _) => g.Flush(), this,
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = RetryEvery });
        await this.RegisterOrUpdateReminder("anchor-retry", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private async Task Disarm()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder("anchor-retry") is { } reminder) await this.UnregisterReminder(reminder);
    }
}
