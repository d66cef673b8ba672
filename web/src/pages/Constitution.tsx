import type { Constitution, ProposalClass } from "../api";
import { amount, bps, duration, instant } from "../format";
import { Link, routes } from "../router";

function powerSource(c: ProposalClass): string {
  const p = c.powerSource;
  switch (p.kind) {
    case "tokenVotes":
      return p.tokens?.length ? `delegated votes of ${p.tokens.join(" + ")}` : `delegated votes of ${p.token}`;
    case "whitelist":
      return `whitelist of ${Object.keys(p.weights ?? {}).length} addresses`;
    case "reputation":
      return `reputation in ${p.domain || "this DAO"}`;
    case "voteEscrow":
      return `vote-escrowed ${p.token}`;
    default:
      return p.kind;
  }
}

/** A proposal class in sentences, not JSON. */
export function ClassCard({ c }: { c: ProposalClass }) {
  return (
    <article class="card" aria-label={`Class ${c.name}`}>
      <h4>{c.name}</h4>
      <dl class="facts">
        <dt>Counting</dt>
        <dd>{c.counting === "basic" ? "For / Against / Abstain" : c.counting}</dd>
        <dt>Voting power</dt>
        <dd>{powerSource(c)}</dd>
        <dt>Quorum</dt>
        <dd>
          {bps(c.quorumBps)} of votable power{c.superQuorumBps ? `, super-quorum ${bps(c.superQuorumBps)}` : ""}
        </dd>
        <dt>Passes when</dt>
        <dd>For &gt; Against and For ≥ {bps(c.approvalThresholdBps)} of For + Against</dd>
        <dt>Voting</dt>
        <dd>
          {c.votingDelay === "00:00:00" ? "opens at once" : `opens after ${duration(c.votingDelay)}`}, lasts {duration(c.votingPeriod)}
          {c.lateQuorumExtension && c.lateQuorumExtension !== "00:00:00"
            ? `, late quorum extends by ${duration(c.lateQuorumExtension)}`
            : ""}
        </dd>
        <dt>Timelock</dt>
        <dd>
          {duration(c.timelockDelay)}, then executable for {duration(c.gracePeriod)}
        </dd>
        <dt>To propose</dt>
        <dd>
          {amount(c.proposalThreshold)} votes{c.proposerRole ? `, role ${c.proposerRole}` : ""}
        </dd>
        <dt>Actions allowed</dt>
        <dd>{c.allowedActions}</dd>
        <dt>Ballots</dt>
        <dd>{c.allowBallotChange ? "may be changed while voting is open" : "final once cast"}</dd>
      </dl>
    </article>
  );
}

export function ConstitutionView({ current, history }: { current: Constitution; history: Constitution[] | null }) {
  return (
    <section aria-labelledby="constitution-heading">
      <h2 id="constitution-heading">Constitution — version {current.version}</h2>
      <p class="muted">
        Adopted {instant(current.adoptedAt)}
        {current.adoptedBy ? (
          <>
            {" "}by <Link href={routes.proposal(current.adoptedBy)}>{current.adoptedBy}</Link>
          </>
        ) : (
          " at founding"
        )}
        .
      </p>
      <div class="cards">
        {current.classes.map((c) => (
          <ClassCard key={c.name} c={c} />
        ))}
      </div>
      {history && history.length > 1 && (
        <details>
          <summary>History: {history.length} versions</summary>
          <ol>
            {history.map((v) => (
              <li key={v.version}>
                Version {v.version}, {instant(v.adoptedAt)}
                {v.adoptedBy ? (
                  <>
                    {" "}— adopted by <Link href={routes.proposal(v.adoptedBy)}>{v.adoptedBy}</Link>
                  </>
                ) : (
                  " — founding"
                )}
                : classes {v.classes.map((c) => c.name).join(", ")}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
