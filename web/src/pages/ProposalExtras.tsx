import { useState } from "preact/hooks";
import { post, type AnchorCheck, type Ballot, type Page, type ProposalInfo } from "../api";
import { amount, instant } from "../format";
import { useGet, useWallet } from "../hooks";
import { Link, routes } from "../router";
import { Pager } from "../components/Pager";
import { ProblemNote } from "../components/ProblemNote";
import { SignedForm } from "../components/SignedForm";
import { checksum, signAction, unixNow } from "../wallet";
import { problemOf } from "../hooks";
import type { Problem } from "../api";

const pageSize = 25;

/** Who voted, how, with what weight and why; reloads when the live tally's voter count moves or a moderator acted. */
export function Voters({ proposal, voters, tick }: { proposal: ProposalInfo; voters: number; tick: number }) {
  const [offset, setOffset] = useState(0);
  const page = useGet<Page<Ballot>>(`/proposals/${proposal.id}/ballots?offset=${offset}&limit=${pageSize}&v=${voters}.${tick}`);
  const hidden = new Set(page.data?.hidden ?? []);
  const label = (b: Ballot) =>
    b.choices.length ? `choices ${b.choices.map((c) => proposal.choices[c - 1]?.label ?? c).join(", ")}` : b.support;
  return (
    <section aria-labelledby="voters-heading">
      <h2 id="voters-heading">Voters ({voters})</h2>
      <ProblemNote problem={page.problem} />
      {page.data && page.data.items.length > 0 ? (
        <table class="list" data-testid="voters">
          <thead>
            <tr><th scope="col">Voter</th><th scope="col">Vote</th><th scope="col" class="num">Weight</th><th scope="col">Reason</th></tr>
          </thead>
          <tbody>
            {page.data.items.map((b) => (
              <tr key={b.voter} data-voter={b.voter}>
                <td class="mono"><Link href={routes.voter(b.voter)}>{checksum(b.voter)}</Link></td>
                <td>{label(b)}</td>
                <td class="num">{amount(b.weight)}</td>
                <td>{hidden.has(b.voter) ? <em class="muted">hidden by a moderator</em> : b.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No ballots yet.</p>
      )}
      <Pager offset={offset} size={pageSize} total={voters} label="Voter pages" onMove={setOffset} back="Previous" forward="Next" />
    </section>
  );
}

/** The published ballot-set hash and, when anchored on chain, whether the contract holds the same. */
export function Verification({ proposal }: { proposal: ProposalInfo }) {
  const anchor = useGet<AnchorCheck>(proposal.ballotSetHash ? `/proposals/${proposal.id}/anchor` : null);
  return (
    <section aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verification</h2>
      {proposal.ballotSetHash ? (
        <dl class="facts">
          <dt>Ballot-set hash</dt>
          <dd class="mono break" data-testid="ballot-set-hash">{proposal.ballotSetHash}</dd>
          <dt>On-chain anchor</dt>
          <dd data-testid="anchor">
            {!anchor.data ? "…" : !anchor.data.record ? "not anchored (no anchor contract configured)"
              : anchor.data.matches ? `anchored and matching: ${anchor.data.onChainHash}`
              : `MISMATCH: the contract holds ${anchor.data.onChainHash ?? "nothing"}`}
          </dd>
        </dl>
      ) : (
        <p class="muted">The ballot-set hash is published when voting closes.</p>
      )}
      <p class="muted">
        Re-check it yourself: <code>dotnet run --project Verifier -- verify {location.origin} {proposal.id}</code>
      </p>
    </section>
  );
}

/** Cancel (proposer, pending), veto (guardian, succeeded or queued) and execute (anyone, once the eta passed). */
export function ProposalActions({ proposal, onChanged }: { proposal: ProposalInfo; onChanged: () => void }) {
  const wallet = useWallet();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const etaPassed = !!proposal.eta && new Date(proposal.eta).getTime() <= Date.now();
  const act = (path: string, type: string, fields: Record<string, unknown>, actor: string) => async () => {
    const body = await signAction(type, (address) => ({ [actor]: address, proposal: proposal.id, ...fields, timestamp: unixNow() }));
    await post<ProposalInfo>(`/proposals/${proposal.id}/${path}`, body);
    onChanged();
    return `${type === "Cancel" ? "Canceled" : "Vetoed"}.`;
  };
  return (
    <>
      {proposal.state === "pending" && wallet.address?.toLowerCase() === proposal.proposer && (
        <SignedForm label="Sign and cancel" testId="cancel-form" submit={act("cancel", "Cancel", {}, "proposer")}>
          <p>You proposed this; you may cancel it until voting opens.</p>
        </SignedForm>
      )}
      {(proposal.state === "succeeded" || proposal.state === "queued") && (
        <SignedForm label="Sign and veto" testId="veto-form" submit={act("veto", "Veto", { reason }, "guardian")}>
          <h3>Veto (guardians of this DAO or above)</h3>
          <label for="veto-reason">Reason</label>
          <input id="veto-reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </SignedForm>
      )}
      {proposal.state === "queued" && etaPassed && (
        <p>
          <button type="button"
            onClick={() => post(`/proposals/${proposal.id}/execute`, {}).then(onChanged, (e) => setProblem(problemOf(e)))}>
            Execute now
          </button>{" "}
          <span class="muted">(it also executes by itself; eta {instant(proposal.eta)})</span>
        </p>
      )}
      <ProblemNote problem={problem} />
    </>
  );
}
