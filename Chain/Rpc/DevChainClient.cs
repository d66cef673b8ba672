using System.Globalization;
using System.Text.Json;

namespace Blocktrack.Chain.Rpc;

/// <summary>Test-only controls of Hardhat and Anvil nodes: snapshots (to simulate reorgs), mining and time travel.</summary>
public sealed class DevChainClient(JsonRpcClient rpc)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    /// <summary>evm_snapshot: an id to pass to <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await Rpc.RequestAsync("evm_snapshot", [], cancellationToken)).GetString() ?? throw new FormatException("evm_snapshot returned null.");

    /// <summary>evm_revert: drops every block after the snapshot; a snapshot can be reverted to only once.</summary>
    public async Task<bool> RevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        (await Rpc.RequestAsync("evm_revert", [snapshotId], cancellationToken)).ValueKind == JsonValueKind.True;

    /// <summary>evm_mine, <paramref name="blocks"/> times.</summary>
    public async Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < blocks; i++)
            await Rpc.RequestAsync("evm_mine", [], cancellationToken);
    }

    /// <summary>evm_increaseTime: moves the clock of the next blocks forward; returns the total offset in seconds.</summary>
    public async Task<long> IncreaseTimeAsync(long seconds, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.RequestAsync("evm_increaseTime", [seconds], cancellationToken);
        return result.ValueKind switch
        {
            JsonValueKind.Number => result.GetInt64(),
            JsonValueKind.String when result.GetString() is { } s && s.StartsWith("0x", StringComparison.Ordinal) => HexQuantity.ParseLong(s),
            JsonValueKind.String => long.Parse(result.GetString()!, CultureInfo.InvariantCulture),
            _ => throw new FormatException($"evm_increaseTime returned {result}."),
        };
    }

    /// <summary>evm_setNextBlockTimestamp: the exact unix time of the next block.</summary>
    public Task SetNextBlockTimestampAsync(long unixSeconds, CancellationToken cancellationToken = default) =>
        Rpc.RequestAsync("evm_setNextBlockTimestamp", [unixSeconds], cancellationToken);

    /// <summary>eth_accounts: the node's unlocked (pre-funded) accounts, lower-case.</summary>
    public async Task<IReadOnlyList<string>> AccountsAsync(CancellationToken cancellationToken = default) =>
        (await Rpc.RequestAsync("eth_accounts", [], cancellationToken)).EnumerateArray().Select(a => a.GetString()!.ToLowerInvariant()).ToArray();
}
