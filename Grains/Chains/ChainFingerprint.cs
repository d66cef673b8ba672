using System.Security.Cryptography;
using System.Text;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// What of a chain's configuration decides what its mirror says — the contracts it reads and acts through and how final a
/// block must be — as one SHA-256, so a pinned configuration can be compared with the running one. Operational settings
/// (the node's URL, poll interval, range size, reorg window, the executor's key) may change freely.
/// </summary>
public static class ChainFingerprint
{
    public static string Of(ChainOptions chain)
    {
        var text = new StringBuilder()
            .Append("id=").Append(chain.Id).Append(";confirmations=").Append(chain.Confirmations)
            .Append(";tokens=").AppendJoin(',', Sorted(chain.Tokens.Select(t => (t.Token, t.Address))))
            .Append(";governors=").AppendJoin(',', Sorted(chain.Governors.Select(g => (g.Dao, g.Address))))
            .Append(";escrows=").AppendJoin(',', Sorted(chain.Escrows.Select(e => (e.Token, e.Address))))
            .Append(";timelock=").Append(chain.Executor.Timelock.ToLowerInvariant())
            .Append(";anchor=").Append(chain.Executor.Anchor.ToLowerInvariant())
            .Append(";badges=").Append(chain.Executor.Badges.ToLowerInvariant());
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<string> Sorted(IEnumerable<(string Name, string Address)> entries) =>
        entries.Select(e => $"{e.Name}:{e.Address.ToLowerInvariant()}").Order(StringComparer.Ordinal);
}
