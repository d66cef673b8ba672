// A wallet for the browser tests: an EIP-1193 provider injected into the page, answering eth_requestAccounts,
// eth_accounts, eth_chainId and eth_signTypedData_v4 from a viem local account held here in Node (the page never
// sees the key), exactly as MetaMask answers them. `forgeWith` signs with another key instead: a forged signature.
import { privateKeyToAccount } from "viem/accounts";

export async function installWallet(context, { key, chainId, forgeWith, log = () => {} }) {
  const account = privateKeyToAccount(key);
  const signer = forgeWith ? privateKeyToAccount(forgeWith) : account;
  const requests = [];
  let connected = false;
  await context.exposeBinding("__testWalletRequest", async (_source, { method, params }) => {
    requests.push(method);
    switch (method) {
      case "eth_requestAccounts":
        connected = true;
        return [account.address];
      case "eth_accounts":
        // As MetaMask: nothing until the site has been connected once, then the account on every load.
        return connected ? [account.address] : [];
      case "eth_chainId":
        return `0x${chainId.toString(16)}`;
      case "eth_signTypedData_v4": {
        const [address, json] = params;
        if (address.toLowerCase() !== account.address.toLowerCase()) throw new Error(`unknown account ${address}`);
        const typed = JSON.parse(json);
        const { EIP712Domain: _domainType, ...types } = typed.types;
        log(`wallet ${account.address.slice(0, 8)} signs ${typed.primaryType}`);
        return signer.signTypedData({ domain: typed.domain, types, primaryType: typed.primaryType, message: typed.message });
      }
      default:
        throw Object.assign(new Error(`method ${method} not supported`), { code: 4200 });
    }
  });
  await context.addInitScript(() => {
    const listeners = {};
    window.ethereum = {
      isTestWallet: true,
      request: async ({ method, params }) => {
        try {
          return await window.__testWalletRequest({ method, params });
        } catch (e) {
          throw Object.assign(new Error(String(e.message ?? e)), { code: -32603 });
        }
      },
      on: (event, fn) => ((listeners[event] ??= []).push(fn)),
      removeListener: (event, fn) => (listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn)),
    };
  });
  return { address: account.address, requests };
}
