import type { DaoInfo, OnChainTreasury } from "../api";
import { amount, big } from "../format";
import { checksum } from "../wallet";

function Balances({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <table class="list" data-testid={testId}>
      <thead>
        <tr><th scope="col">Asset</th><th scope="col" class="num">Balance</th></tr>
      </thead>
      <tbody>
        {rows.map(([asset, value]) => (
          <tr key={asset}><td>{asset}</td><td class="num">{amount(value)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An account on chain the watcher mirrors: its chain, account and token per asset, the mirrored balance, what grant
 * programs earmark of it (the DAO's spendable balance is the mirrored one less the earmarks) and the last block that
 * changed a balance. Shown as text only: the page links to no explorer (the CSP allows no other host).
 */
export function OnChainTreasuryView({ onChain, spendable }: { onChain: OnChainTreasury; spendable: Record<string, string> }) {
  return (
    <div class="onchain" data-testid="onchain-treasury">
      <p>
        <strong>Held on chain</strong>, mirrored from the DAO's own timelock account; it moves only by executed proposals.
      </p>
      <dl class="facts">
        <dt>Chain</dt><dd data-testid="onchain-chain">{onChain.chain}</dd>
        <dt>Account</dt><dd class="mono break" data-testid="onchain-account">{checksum(onChain.account)}</dd>
        <dt>Mirrored up to</dt><dd data-testid="onchain-block">block {onChain.mirroredBlock}</dd>
      </dl>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Asset</th><th scope="col">Token</th><th scope="col" class="num">On chain</th>
            <th scope="col" class="num">Earmarked</th><th scope="col" class="num">Spendable</th>
          </tr>
        </thead>
        <tbody>
          {onChain.assets.map((a) => {
            const free = spendable[a.asset] ?? a.balance;
            const held = big(a.balance) - big(free);
            return (
              <tr key={a.asset} data-asset={a.asset}>
                <td>{a.asset}</td>
                <td class="mono break">{/^0x0{40}$/i.test(a.token) ? "native" : checksum(a.token)}</td>
                <td class="num">{amount(a.balance)}</td>
                <td class="num">{amount((held > 0n ? held : 0n).toString())}</td>
                <td class="num">{amount(free)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The DAO's treasury: the ledger's balances, and apart from them an on-chain account's when the DAO holds one. */
export function TreasurySection({ dao }: { dao: DaoInfo }) {
  const onChain = dao.custody === "onChain" ? dao.onChainTreasury : null;
  const bound = new Set(onChain?.assets.map((a) => a.asset) ?? []);
  const ledger = Object.entries(dao.treasury).filter(([asset]) => !bound.has(asset));
  return (
    <>
      {onChain && <OnChainTreasuryView onChain={onChain} spendable={dao.treasury} />}
      {onChain && ledger.length > 0 && <h3>On the cluster's ledger</h3>}
      {ledger.length > 0 ? <Balances rows={ledger} testId="treasury" /> : !onChain && <p class="muted">Empty.</p>}
    </>
  );
}
