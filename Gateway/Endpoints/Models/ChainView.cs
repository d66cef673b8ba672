using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// A mirrored chain and its watcher: <c>healthy</c> when the watcher's last poll succeeded recently, otherwise
/// <c>problem</c> says why. <c>watcher</c> is null when the watcher did not answer in time.
/// </summary>
public sealed record ChainView(
    long ChainId,
    string Name,
    string Endpoint,
    int Confirmations,
    TimeSpan PollInterval,
    ImmutableArray<ChainTokenInfo> Tokens,
    ImmutableArray<ChainGovernorInfo> Governors,
    ImmutableArray<ChainTokenInfo> Escrows,
    bool Healthy,
    string? Problem,
    WatcherStatus? Watcher);
