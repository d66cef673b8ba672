// Words for what the Gateway answers in numbers: amounts, instants, durations, actions.
import { getAddress, isAddress } from "viem";
import type { Action } from "./api";

const group = new Intl.NumberFormat("en");

/** A decimal-string amount with digit grouping; exact however large (BigInt). */
export function amount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  try {
    return group.format(BigInt(value));
  } catch {
    return String(value);
  }
}

export const big = (value: string | null | undefined) => {
  try {
    return BigInt(value ?? 0);
  } catch {
    return 0n;
  }
};

/** Share of a in total, as a percentage with one decimal; exact in BigInt until the last step. */
export function percent(part: bigint, total: bigint): number {
  if (total <= 0n) return 0;
  return Number((part * 1000n) / total) / 10;
}

export const bps = (value: number) => `${(value / 100).toLocaleString("en")}%`;

export function instant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** "d.hh:mm:ss" (the Gateway's TimeSpan) in words: "7 days", "2 h 30 min". */
export function duration(span: string): string {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})/.exec(span);
  if (!match) return span;
  const [d, h, m, s] = [match[1] ?? "0", match[2], match[3], match[4]].map(Number);
  const parts = [d && `${d} day${d === 1 ? "" : "s"}`, h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean);
  return parts.length ? parts.join(" ") : "none";
}

/** seconds → "d.hh:mm:ss", for the founding form. */
export function span(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return d ? `${d}.${time}` : time;
}

export const short = (address: string | null | undefined) =>
  address ? `${address.slice(0, 6)}…${address.slice(-4)}` : "—";

// Addresses in sentences are shown EIP-55 checksummed, so a reader can check them against a wallet's display.
const str = (v: unknown) => {
  const s = v === undefined || v === null ? "" : String(v);
  return isAddress(s, { strict: false }) ? getAddress(s) : s;
};

/** One action of a proposal, in a sentence. */
export function actionInWords(action: Action): string {
  const a = action as Record<string, unknown>;
  switch (action.type) {
    case "treasuryTransfer":
      return `Pay ${amount(str(a.amount))} ${str(a.asset)} from the treasury to ${str(a.to)}`;
    case "allocateBudget":
      return `Allocate ${amount(str(a.amount))} ${str(a.asset)} to the sub-DAO "${str(a.subDao)}"`;
    case "setRole":
      return `${a.granted ? "Grant" : "Revoke"} the ${str(a.role)} role ${a.granted ? "to" : "from"} ${str(a.address)}`;
    case "createSubDao":
      return `Create the sub-DAO "${str(a.name)}"${a.displayName ? ` (${str(a.displayName)})` : ""}`;
    case "amendConstitution":
      return "Amend the constitution (a new version with the classes in this proposal)";
    case "onChainCall":
      return `Call ${str(a.target)} on chain ${str(a.chain)} with ${amount(str(a.value ?? "0"))} wei, calldata ${short(str(a.calldata))}`;
    case "setPersonhood":
      return `${a.attested === false ? "Revoke" : "Attest"} ${str(a.subject)} as a unique person`;
    case "fundRewards":
      return `Fund rewards: ${amount(str(a.amountPerEpoch))} ${str(a.asset)} per epoch for ${str(a.epochs)} epochs`;
    case "reverseModeration":
      return `Reverse moderation act #${str(a.seq)}: ${str(a.reason)}`;
    case "openGrantProgram": {
      const t = (a.terms ?? {}) as Record<string, unknown>;
      return `Open the grant program "${str(t.name)}" with ${amount(str(t.budget))} ${str(t.asset)} from the treasury`;
    }
    case "decideGrant":
      return `${str(a.decision)} grant ${str(a.grant)} of program ${str(a.program)}`
        + `${a.milestone != null ? ` (milestone ${str(a.milestone)})` : ""}: ${str(a.reason)}`;
    default:
      return `${action.type}: ${JSON.stringify(action)}`;
  }
}

export const supportName: Record<number, string> = { 0: "Against", 1: "For", 2: "Abstain" };

export const states = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed", "vetoed"];
