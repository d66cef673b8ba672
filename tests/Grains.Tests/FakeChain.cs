using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>An in-memory chain with ERC20Votes and VotingEscrow logs, reorgs and outages, for watcher tests.</summary>
public sealed class FakeChain : IChainReader
{
    private readonly object _gate = new();
    private readonly List<(ChainBlock Block, List<ChainLog> Logs)> _blocks = [];
    private int _branch;

    public string Token { get; } = "0x00000000000000000000000000000000000b7c01";
    public string Escrow { get; } = "0x00000000000000000000000000000000000e5c01";
    public bool Down { get; set; }

    public FakeChain() => Mine(); // genesis

    public long Head { get { lock (_gate) return _blocks.Count - 1; } }

    public ChainBlock Latest { get { lock (_gate) return _blocks[^1].Block; } }

    /// <summary>Adds a block whose logs set each delegate's votes (previous votes are read from the chain itself).</summary>
    public ChainBlock Mine(params (string Delegate, BigInteger Votes)[] changes) => MineAt(0, changes);

    /// <summary>Mines a block at a timestamp (kept strictly increasing, 12 s after the last by default).</summary>
    public ChainBlock MineAt(long at, params (string Delegate, BigInteger Votes)[] changes) =>
        MineWith(at, (number, hash, _) => changes.Select((c, i) => new ChainLog(Token,
            [VoteLogs.DelegateVotesChanged, "0x" + new string('0', 24) + c.Delegate[2..]],
            Hex.ToHex([.. Word(VotesOf(c.Delegate)), .. Word(c.Votes)]), number, hash, i)).ToList());

    /// <summary>Mines a block at (or after) a timestamp whose VotingEscrow logs set each owner's lock.</summary>
    public ChainBlock MineLocksAt(long at, params (string Owner, EscrowLock Lock)[] locks) =>
        MineWith(at, (number, hash, timestamp) => locks.Select((l, i) => new ChainLog(Escrow,
            [EscrowLogs.LockChanged, "0x" + new string('0', 24) + l.Owner[2..]],
            Hex.ToHex([.. Word(l.Lock.Amount), .. Word(l.Lock.UnlockTime), .. Word(timestamp)]), number, hash, i)).ToList());

    private ChainBlock MineWith(long at, Func<long, string, long, List<ChainLog>> logsOf)
    {
        lock (_gate)
        {
            var number = _blocks.Count;
            var parent = number == 0 ? "0x" + new string('0', 64) : _blocks[^1].Block.Hash;
            var hash = Hex.ToHex(Keccak256.Hash($"{parent}|{number}|{_branch}"));
            var timestamp = number == 0 ? 1_700_000_000 : Math.Max(_blocks[^1].Block.Timestamp + 12, at);
            var block = new ChainBlock(number, hash, parent, timestamp);
            _blocks.Add((block, logsOf(number, hash, timestamp)));
            return block;
        }
    }

    /// <summary>Drops every block from <paramref name="height"/> on, as a reorg does before the new branch is mined.</summary>
    public void Reorg(long height)
    {
        lock (_gate)
        {
            _blocks.RemoveRange((int)height, _blocks.Count - (int)height);
            _branch++;
        }
    }

    public BigInteger VotesOf(string delegatee)
    {
        lock (_gate)
        {
            var last = _blocks.SelectMany(b => b.Logs).LastOrDefault(l => l.Topics[1].EndsWith(delegatee[2..], StringComparison.Ordinal));
            return last is null ? BigInteger.Zero : VoteLogs.DecodeVotesChanged(last).Current;
        }
    }

    public Task<long> BlockNumber(CancellationToken cancellationToken = default) => Answer(() => (long)_blocks.Count - 1);

    public Task<ChainBlock?> Block(long number, CancellationToken cancellationToken = default) =>
        Answer(() => number < _blocks.Count ? _blocks[(int)number].Block : null);

    public Task<IReadOnlyList<ChainLog>> Logs(long fromBlock, long toBlock, IReadOnlyList<string> addresses, IReadOnlyList<string> topic0s,
        CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<ChainLog>>(() => _blocks.Where(b => b.Block.Number >= fromBlock && b.Block.Number <= toBlock)
            .SelectMany(b => b.Logs).Where(l => addresses.Contains(l.Address) && topic0s.Contains(l.Topics[0])).ToList());

    public Task<IReadOnlyList<ChainLog>> TransferLogs(long fromBlock, long toBlock, IReadOnlyList<string> tokens,
        IReadOnlyList<string> accounts, CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<ChainLog>>(() => _blocks.Where(b => b.Block.Number >= fromBlock && b.Block.Number <= toBlock)
            .SelectMany(b => b.Logs).Where(l => TreasuryLogs.IsErc20Transfer(l) && tokens.Contains(l.Address))
            .Where(l => TreasuryLogs.Decode(l) is var (from, to, _) && (accounts.Contains(from) || accounts.Contains(to))).ToList());

    /// <summary>The token balance that this chain's Transfer logs add up to at the end of <paramref name="block"/>.</summary>
    public Task<BigInteger> BalanceOf(string token, string account, long block, CancellationToken cancellationToken = default) =>
        Answer(() => _blocks.Take((int)block + 1).SelectMany(b => b.Logs)
            .Where(l => l.Address == token && TreasuryLogs.IsErc20Transfer(l)).Select(TreasuryLogs.Decode)
            .Aggregate(BigInteger.Zero, (sum, t) => sum + (t.To == account ? t.Amount : 0) - (t.From == account ? t.Amount : 0)));

    /// <summary>This fake chain moves no native currency: every account holds none.</summary>
    public Task<BigInteger> NativeBalance(string account, long block, CancellationToken cancellationToken = default) =>
        Answer(() => BigInteger.Zero);

    /// <summary>Mines a block of ERC-20 transfers of <paramref name="token"/>.</summary>
    public ChainBlock MineTransfers(string token, params (string From, string To, BigInteger Amount)[] transfers) =>
        MineWith(0, (number, hash, _) => transfers.Select((t, i) => new ChainLog(token,
            [TreasuryLogs.Transfer, TreasuryLogs.Topic(t.From), TreasuryLogs.Topic(t.To)], Hex.ToHex(Word(t.Amount)), number, hash, i,
            Hex.ToHex(Keccak256.Hash($"{hash}/{i}")))).ToList());

    private Task<T> Answer<T>(Func<T> read)
    {
        lock (_gate)
        {
            if (Down) throw new HttpRequestException("connection refused (fake node is down)");
            return Task.FromResult(read());
        }
    }

    private static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
