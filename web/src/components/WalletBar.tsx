import { useEffect, useState } from "preact/hooks";
import { useWallet } from "../hooks";
import { Link, routes } from "../router";
import { connect, disconnect, eip712, hasWallet } from "../wallet";

export function WalletBar() {
  const wallet = useWallet();
  const [expected, setExpected] = useState<number | null>(null);
  useEffect(() => {
    eip712().then((s) => setExpected(s.domain.chainId), () => undefined);
  }, []);
  if (!hasWallet()) return <span class="wallet muted">Reading only — no wallet found</span>;
  if (wallet.checking) return <span class="wallet muted">Wallet…</span>;
  if (!wallet.address) {
    return (
      <span class="wallet">
        <button type="button" onClick={() => connect().catch(() => undefined)}>
          Connect wallet
        </button>
        {wallet.error && <span class="error-inline" role="status">{wallet.error}</span>}
      </span>
    );
  }
  return (
    <span class="wallet">
      <Link href={routes.voter(wallet.address)}>
        <span class="mono" data-testid="wallet-address">{wallet.address}</span>
      </Link>
      {expected !== null && wallet.chainId !== expected && (
        <span class="warn" role="status">
          {" "}wallet on chain {wallet.chainId}; signatures are for chain {expected}
        </span>
      )}{" "}
      <button type="button" class="link" onClick={disconnect}>
        Disconnect
      </button>
    </span>
  );
}
