using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>Acts on chains for executed proposals: timelock batches and anchor records.</summary>
public interface IChainExecutor
{
    /// <summary>Whether on-chain calls can be executed on this chain (a timelock and a key are configured).</summary>
    bool CanExecute(long chain);

    /// <summary>
    /// Schedules and executes the calls as one TimelockController batch; idempotent per <paramref name="operation"/>. The
    /// controller is <paramref name="timelock"/> (a DAO's own treasury account) or, when null, the chain's executor timelock.
    /// </summary>
    Task<OnChainOutcome> ExecuteBatch(long chain, IReadOnlyList<OnChainCall> calls, string operation, string? timelock = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the executor key holds the proposer and executor roles of the TimelockController at <paramref name="account"/>.
    /// </summary>
    Task<bool> Controls(long chain, string account, CancellationToken cancellationToken = default);

    /// <summary>The chain and address of the soulbound badge contract the executor mints through, if any.</summary>
    (long Chain, string Contract)? BadgeContract { get; }

    /// <summary>The chain whose anchor publishes results, if any.</summary>
    long? AnchorChain { get; }

    /// <summary>
    /// Sends an anchor transaction (<c>recordResult</c> / <c>recordConstitution</c> / <c>recordAudit</c>) with the given arguments.
    /// </summary>
    Task<ChainTransaction> Anchor(string function, object?[] arguments, CancellationToken cancellationToken = default);

    /// <summary>Reads from the anchor contract (a view function).</summary>
    Task<object?[]> ReadAnchor(string function, object?[] arguments, CancellationToken cancellationToken = default);
}
