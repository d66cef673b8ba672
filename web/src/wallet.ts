// The browser wallet (EIP-1193 window.ethereum). The app never sees a key: it asks the wallet to sign the Gateway's
// EIP-712 types with eth_signTypedData_v4 (through viem, which derives EIP712Domain from the domain and checks
// the message against the types before the wallet sees it).
import { createClient, custom, getAddress, type EIP1193Provider, type TypedDataDefinition } from "viem";
// The one action the app needs, not the whole wallet client: it keeps the bundle small.
import { signTypedData } from "viem/actions";
import { get } from "./api";

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

export interface Eip712 {
  domain: { name: string; version: string; chainId: number };
  types: Record<string, { name: string; type: string }[]>;
}

export interface WalletState {
  address: string | null;
  chainId: number | null;
  error: string | null;
  /** True until the page has asked the wallet (without a prompt) whether this site is already connected. */
  checking: boolean;
}

let state: WalletState = { address: null, chainId: null, error: null, checking: true };
const listeners = new Set<() => void>();
let schema: Promise<Eip712> | null = null;

export const walletState = () => state;
export const hasWallet = () => typeof window !== "undefined" && !!window.ethereum;

export function onWallet(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: Partial<WalletState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

/** The domain and types every signed action uses, exactly as the Gateway publishes them. */
export function eip712(): Promise<Eip712> {
  schema ??= get<Eip712>("/eip712").catch((e) => {
    schema = null;
    throw e;
  });
  return schema;
}

/** A site the user connected before gets its account back on load with eth_accounts, which never prompts. */
export async function restore() {
  const provider = window.ethereum;
  if (!provider) return set({ checking: false });
  try {
    const accounts = (await provider.request({ method: "eth_accounts" })) as string[];
    if (accounts.length) {
      const chainId = Number(BigInt((await provider.request({ method: "eth_chainId" })) as string));
      set({ address: getAddress(accounts[0]), chainId });
    }
  } catch {
    /* a wallet that refuses eth_accounts is simply not connected */
  }
  set({ checking: false });
}

export async function connect(): Promise<string> {
  const provider = window.ethereum;
  if (!provider) throw new Error("No wallet found: install an EIP-1193 wallet (MetaMask, Rabby, Frame) to sign.");
  try {
    const accounts = (await provider.request({ method: "eth_requestAccounts" })) as string[];
    if (!accounts.length) throw new Error("The wallet shared no account.");
    const chainId = Number(BigInt((await provider.request({ method: "eth_chainId" })) as string));
    const address = getAddress(accounts[0]);
    set({ address, chainId, error: null });
    provider.on?.("accountsChanged", (a: string[]) => set({ address: a.length ? getAddress(a[0]) : null }));
    provider.on?.("chainChanged", (c: string) => set({ chainId: Number(BigInt(c)) }));
    return address;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    set({ error: message });
    throw e;
  }
}

export function disconnect() {
  set({ address: null, chainId: null, error: null, checking: false });
}

export const unixNow = () => Math.floor(Date.now() / 1000);

/**
 * Signs one of the Gateway's types and answers the body its signed endpoints take: { message, signature }.
 * The domain's chainId is the Gateway's (the L3); EIP-712 signatures need no network switch, so a wallet on another
 * chain still signs for the Gateway's domain — the app only warns.
 */
export async function signAction(primaryType: string, build: (address: string) => Record<string, unknown>) {
  const address = state.address ?? (await connect());
  const message = build(address);
  const { domain, types } = await eip712();
  const fields = types[primaryType];
  if (!fields) throw new Error(`The Gateway publishes no EIP-712 type ${primaryType}.`);
  const client = createClient({ transport: custom(window.ethereum!) });
  // uint256 amounts travel as decimal strings (JSON has no big numbers) and are signed as the numbers they spell.
  const signed = Object.fromEntries(Object.entries(message).map(([k, v]) => {
    const type = fields.find((f) => f.name === k)?.type ?? "";
    return [k, /^u?int\d*$/.test(type) && typeof v === "string" ? BigInt(v) : v];
  }));
  const typed = { domain, types: { [primaryType]: fields }, primaryType, message: signed } as unknown as TypedDataDefinition;
  const signature = await signTypedData(client, { account: address as `0x${string}`, ...typed });
  return { message, signature };
}

export const checksum = (address: string) => {
  try {
    return getAddress(address);
  } catch {
    return address;
  }
};
