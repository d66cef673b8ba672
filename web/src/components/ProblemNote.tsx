import type { Problem } from "../api";

// What to do next, per stable error code (Gateway/Problems/ErrorCodes.cs); the detail itself comes from the Gateway.
const hints: Record<string, string> = {
  "signature-invalid": "Sign again with the connected account; the signature did not recover to the acting address.",
  "message-stale": "Check this computer's clock, then sign again: signed messages are valid for a few minutes.",
  replayed: "That exact signed message was used already. Sign a new one to try again.",
  "already-voted": "This address has voted on this proposal; this class does not allow changing a ballot.",
  "insufficient-power": "Power is read at the proposal's snapshot: delegate (to yourself or someone) before proposals start.",
  "proposal-not-active": "Ballots are taken only while the proposal is active.",
  "not-authorized": "The connected address does not hold the role this action needs.",
  "api-key-invalid": "Type the operator key printed by the Gateway at startup.",
  "api-key-scope": "This operator key lacks the scope for this action.",
  "cluster-unavailable": "The cluster is not answering; the page retries by itself.",
  "wallet-rejected": "You declined in the wallet; nothing was sent.",
  "constitution-violation": "Change the form so it stays inside the constitution's rules.",
};

export function ProblemNote({ problem, id }: { problem: Problem | null; id?: string }) {
  if (!problem) return null;
  const hint = hints[problem.code];
  return (
    <div class="problem" role="alert" id={id} data-code={problem.code}>
      <strong>{problem.status ? `${problem.title} (${problem.status})` : problem.title}</strong>
      <p class="problem-detail">{problem.detail}</p>
      {hint && <p class="problem-hint">{hint}</p>}
    </div>
  );
}
