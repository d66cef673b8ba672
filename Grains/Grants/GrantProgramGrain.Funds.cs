using System.Numerics;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Grants;

/// <summary>Paying a tranche on chain, telling the DAO what it must hear, and the program as it stands.</summary>
public sealed partial class GrantProgramGrain
{
    /// <summary>
    /// Where the program's asset is held on the DAO's on-chain treasury, the tranche is a transfer by the DAO's own timelock,
    /// idempotent per operation id (a retry after a crash finds it executed); null for a ledger program.
    /// </summary>
    private async Task<ChainTransaction?> PayOnChain(string cause, BigInteger amount, string recipient)
    {
        var binding = (await Dao.GetInfo()).Constitution.OnChainTreasury;
        if (binding?.Find(S.Terms.Asset) is not { } asset) return null;
        var call = asset.Token == BoundAsset.NativeToken
            ? new OnChainCall(binding.Chain, recipient, amount, "0x")
            : Erc20Transfer.Call(binding.Chain, asset.Token, recipient, amount);
        var outcome = await chains.ExecuteBatch(binding.Chain, [call], $"grant:{Key}/{cause}", binding.Account);
        if (!outcome.Succeeded)
        {
            log.TranchePaymentFailed(Key, cause, outcome.Error);
            throw Refuse.With(GovernanceError.PaymentFailed, $"the tranche could not be paid on chain {binding.Chain}: {outcome.Error}");
        }
        return outcome.Transactions.IsDefaultOrEmpty
            ? new ChainTransaction { Chain = binding.Chain, Purpose = "executeBatch", Hash = "", Succeeded = true }
            : outcome.Transactions[^1];
    }

    private async Task DeliverOwed()
    {
        while (S.Owed.Count > 0)
        {
            var notice = S.Owed[0];
            if (notice.Sdg is { } fact) await Dao.RecordGrantSdg(_number, notice.Cause, fact);
            else await Dao.SettleGrantFunds(_number, notice.Cause, S.Terms.Asset, notice.Amount, notice.Returned == true);
            S.Owed.RemoveAt(0);
            await state.WriteStateAsync();
        }
    }

    private GrantProgramInfo Info(int offset, int limit)
    {
        var now = Now;
        return new GrantProgramInfo
        {
            Id = Key, Dao = _dao, Number = _number, Terms = S.Terms, OpenedBy = S.OpenedBy, Ledger = S.Ledger, Closed = S.Closed,
            GrantCount = S.Grants.Count,
            Grants = [.. S.Grants.Skip(offset).Take(limit)],
            Overdue = S.Grants.Count(g => g.Status == GrantStatus.Active && g.NextDue < now),
            Accepting = !S.Closed && now >= S.Terms.ApplicationsOpen && now < S.Terms.ApplicationsClose,
        };
    }
}
