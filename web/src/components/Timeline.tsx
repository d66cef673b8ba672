import type { ProposalInfo } from "../api";
import { instant } from "../format";

interface Step {
  label: string;
  at: string | null;
  done: boolean;
}

/** The lifecycle of OpenZeppelin's Governor as this proposal lived it (and what is still ahead). */
export function lifecycle(p: ProposalInfo, now = Date.now()): Step[] {
  const past = (iso: string | null) => !!iso && new Date(iso).getTime() <= now;
  const closed = !["pending", "active"].includes(p.state);
  const steps: Step[] = [
    { label: "Created", at: p.createdAt, done: true },
    { label: "Snapshot — voting opens", at: p.snapshot, done: p.state !== "pending" || past(p.snapshot) },
    { label: p.deadlineExtended ? "Voting closes (extended for late quorum)" : "Voting closes", at: p.deadline, done: closed },
  ];
  if (p.state === "canceled") steps.push({ label: `Canceled${p.canceledBy ? ` by ${p.canceledBy}` : ""}`, at: null, done: true });
  if (p.state === "defeated") steps.push({ label: "Defeated", at: p.deadline, done: true });
  if (["succeeded", "queued", "executed", "expired", "vetoed"].includes(p.state) || p.eta) {
    steps.push({ label: "Queued in the timelock", at: p.eta ? null : p.deadline, done: p.state !== "succeeded" });
    steps.push({ label: "Eta — executable from", at: p.eta, done: past(p.eta) });
  }
  if (p.state === "executed") steps.push({ label: "Executed", at: p.executedAt, done: true });
  if (p.state === "vetoed") steps.push({ label: `Vetoed by ${p.vetoedBy ?? "the guardian"}: ${p.vetoReason ?? ""}`, at: null, done: true });
  if (p.state === "expired") steps.push({ label: "Expired (grace period passed)", at: null, done: true });
  return steps;
}

export function Timeline({ proposal }: { proposal: ProposalInfo }) {
  return (
    <ol class="timeline" aria-label="Lifecycle">
      {lifecycle(proposal).map((s) => (
        <li key={s.label} class={s.done ? "done" : "ahead"}>
          <span class="step">{s.label}</span> {s.at && <time dateTime={s.at}>{instant(s.at)}</time>}
        </li>
      ))}
    </ol>
  );
}
