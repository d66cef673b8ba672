import { useEffect, useState } from "preact/hooks";
import { actionInWords, amount, instant, short } from "../format";
import { Markdown } from "../markdown";
import { Link, routes } from "../router";
import { useLiveProposal } from "../live";
import { ProblemNote } from "../components/ProblemNote";
import { QuorumBar, TallyChart, type Bar } from "../components/TallyChart";
import { Timeline } from "../components/Timeline";
import { VoteForm } from "./VoteForm";
import { ProposalActions, Verification, Voters } from "./ProposalExtras";
import { ModerationForm, ModerationHistory, proposalHidden, useRecentModeration } from "./Moderation";
import type { ProposalInfo, Tally } from "../api";

function bars(p: ProposalInfo, t: Tally): Bar[] {
  if (p.choices.length) {
    const scores = t.outcome?.scores ?? t.choiceSums;
    return p.choices.map((c, i) => ({ label: c.label, value: scores[i] ?? "0", tone: `tone-${i % 6}` }));
  }
  return [
    { label: "For", value: t.for, tone: "for" },
    { label: "Against", value: t.against, tone: "against" },
    { label: "Abstain", value: t.abstain, tone: "abstain" },
  ];
}

export function ProposalPage({ id }: { id: string }) {
  const live = useLiveProposal(id);
  const p = live.info;
  const [tick, setTick] = useState(0);
  const moderation = useRecentModeration(p?.dao ?? null, tick);
  useEffect(() => {
    if (p) document.title = `${p.title} — Blocktrack Governance`;
  }, [p?.title]);
  if (live.problem && !p) return <ProblemNote problem={live.problem} />;
  if (!p) return <p aria-busy="true">Loading proposal {id}…</p>;
  const tally = live.tally ?? p.tally;
  return (
    <article data-testid="proposal" data-state={p.state}>
      <nav class="crumbs" aria-label="DAO">
        <Link href={routes.dao(p.dao)}>{p.dao}</Link> / proposal {p.seq}
      </nav>
      <h1>{p.title}</h1>
      <p>
        <span class={`state state-${p.state}`} data-testid="state">{p.state}</span> · class {p.class.name} · proposed by{" "}
        <Link href={routes.voter(p.proposer)}><span class="mono">{short(p.proposer)}</span></Link> · {instant(p.createdAt)}
      </p>
      {proposalHidden(moderation.acts, p.id) && (
        <p class="warn" role="status" data-testid="proposal-hidden">
          Hidden from the DAO's listings by a moderator (it still counts and can be read here).
        </p>
      )}
      {p.executionError && <p class="problem" role="alert">Execution failed: {p.executionError}</p>}
      <div class="grid">
        <section aria-labelledby="tally-heading">
          <h2 id="tally-heading">
            Tally <span class={`live ${live.connected ? "on" : "off"}`}>{live.connected ? "live" : "reconnecting"}</span>
          </h2>
          <TallyChart title={`Tally of ${p.title}`} bars={bars(p, tally)} />
          <p data-testid="voter-count">{tally.voters} voters</p>
          <QuorumBar have={tally.quorumPower} need={p.quorumRequired} />
          {p.votableSupply && <p class="muted">Votable power at the snapshot: {amount(p.votableSupply)}</p>}
        </section>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Lifecycle</h2>
          <Timeline proposal={p} />
        </section>
      </div>
      <VoteForm proposal={p} />
      <ProposalActions proposal={p} onChanged={live.reload} />
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">Description</h2>
        {p.description ? <Markdown source={p.description} /> : <p class="muted">No description.</p>}
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{p.choices.length ? "Choices" : "Actions"}</h2>
        {p.choices.length ? (
          <ol>
            {p.choices.map((c) => (
              <li key={c.label}>
                {c.label}
                {c.actions.length > 0 && <ul>{c.actions.map((a, i) => <li key={i}>{actionInWords(a)}</li>)}</ul>}
              </li>
            ))}
          </ol>
        ) : p.actions.length ? (
          <ol data-testid="actions">{p.actions.map((a, i) => <li key={i}>{actionInWords(a)}</li>)}</ol>
        ) : (
          <p class="muted">None: a signal proposal.</p>
        )}
      </section>
      <Voters proposal={p} voters={tally.voters} tick={tick} />
      <ModerationForm proposal={p} onChanged={() => setTick((t) => t + 1)} />
      <ModerationHistory acts={moderation.acts.filter((a) => a.proposal === p.id)} problem={moderation.problem} />
      <Verification proposal={p} />
    </article>
  );
}
