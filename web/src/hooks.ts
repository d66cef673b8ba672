import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, get, onAvailability, type Problem } from "./api";
import { onWallet, walletState } from "./wallet";

export interface Loaded<T> {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  reload: () => void;
}

/** GETs a path (null: nothing to load) and reloads when it changes. */
export function useGet<T>(path: string | null): Loaded<T> {
  const [tick, setTick] = useState(0);
  const [result, setResult] = useState<{ data: T | null; problem: Problem | null; loading: boolean }>({
    data: null,
    problem: null,
    loading: !!path,
  });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult((r) => ({ ...r, loading: true }));
    get<T>(path).then(
      (data) => live && setResult({ data, problem: null, loading: false }),
      (e) => live && setResult({ data: null, problem: problemOf(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => onAvailability((down) => down || reload()), [reload]);
  return { ...result, reload };
}

export function problemOf(e: unknown): Problem {
  if (e instanceof ApiError) return e.problem;
  const message = e instanceof Error ? e.message : String(e);
  // A wallet's refusal (EIP-1193 code 4001) is the user's choice, not an error of the app.
  const code = (e as { code?: number })?.code === 4001 ? "wallet-rejected" : "wallet";
  return { status: 0, code, title: "Wallet", detail: message };
}

export function useWallet() {
  const [state, setState] = useState(walletState());
  useEffect(() => {
    const off = onWallet(() => setState(walletState()));
    // A wallet that connected between this render and the subscription would otherwise go unseen by this component
    // (the vote form rendered without the voter's weight while the header showed the address).
    setState(walletState());
    return off;
  }, []);
  return state;
}
