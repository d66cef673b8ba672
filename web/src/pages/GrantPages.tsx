import { amount, bps, instant, short } from "../format";
import { grantPath, programPath, sdgLabel, type GrantInfo, type GrantProgramInfo } from "../grants";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { ProblemNote } from "../components/ProblemNote";
import { ApplyForm, MilestoneForms, ReviewForm } from "./GrantForms";

const when = (unix: number) => instant(new Date(unix * 1000).toISOString());

/** A grant program: terms, its ledger (which always balances), its grants and the application form. */
export function ProgramPage({ dao, program }: { dao: string; program: number }) {
  const loaded = useGet<GrantProgramInfo>(`${programPath(dao, program)}?limit=200`);
  if (loaded.problem) return <ProblemNote problem={loaded.problem} />;
  if (!loaded.data) return <p aria-busy="true">Loading the program…</p>;
  const p = loaded.data;
  const t = p.terms;
  return (
    <article>
      <nav aria-label="DAO path" class="crumbs"><Link href={routes.dao(dao)}>{dao}</Link> / programs / {program}</nav>
      <h1>{t.name}</h1>
      <p class="muted">
        Opened by <Link href={routes.proposal(p.openedBy)}>{p.openedBy}</Link> · {p.closed ? "closed" : `ends ${when(t.endsAt)}`}
        {t.sdgs.length > 0 && <> · {t.sdgs.map(sdgLabel).join(", ")}</>}
      </p>
      <dl class="facts" data-testid="program-ledger">
        <dt>Budget</dt><dd>{amount(p.ledger.budget)} {t.asset}</dd>
        <dt>Free</dt><dd>{amount(p.ledger.free)}</dd>
        <dt>Reserved for approved grants</dt><dd>{amount(p.ledger.reserved)}</dd>
        <dt>Paid</dt><dd>{amount(p.ledger.paid)}</dd>
        <dt>Returned to the treasury</dt><dd>{amount(p.ledger.returned)}</dd>
        <dt>Applications</dt><dd>{when(t.applicationsOpen)} to {when(t.applicationsClose)} · largest grant {amount(t.maxGrant)}</dd>
        <dt>Decisions</dt><dd>{t.approvals} committee member{t.approvals === 1 ? "" : "s"}, or an executed proposal</dd>
      </dl>
      <h2>Grants</h2>
      {p.grants.length === 0 ? (
        <p class="muted">No applications yet.</p>
      ) : (
        <table class="list" data-testid="grants">
          <thead>
            <tr><th scope="col">#</th><th scope="col">Title</th><th scope="col">Applicant</th><th scope="col" class="num">Amount</th>
              <th scope="col">Status</th></tr>
          </thead>
          <tbody>
            {p.grants.map((g) => (
              <tr key={g.number}>
                <td>{g.number}</td>
                <td><Link href={routes.grant(dao, program, g.number)}>{g.title}</Link></td>
                <td class="mono">{short(g.applicant)}</td>
                <td class="num">{amount(g.amount)}</td>
                <td>
                  {g.status}
                  {g.status === "active" && g.nextDue && g.nextDue * 1000 < Date.now() && <span class="warn"> · overdue</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.accepting && <ApplyForm program={p} onDone={loaded.reload} />}
    </article>
  );
}

/** A grant: the application, reviews, milestones with evidence and tranches, its history, and the forms to act on it. */
export function GrantPage({ dao, program, grant }: { dao: string; program: number; grant: number }) {
  const loaded = useGet<GrantInfo>(grantPath(dao, program, grant));
  if (loaded.problem) return <ProblemNote problem={loaded.problem} />;
  if (!loaded.data) return <p aria-busy="true">Loading the grant…</p>;
  const g = loaded.data;
  const a = g.application;
  return (
    <article>
      <nav aria-label="DAO path" class="crumbs">
        <Link href={routes.dao(dao)}>{dao}</Link> / <Link href={routes.program(dao, program)}>program {program}</Link> / grant {grant}
      </nav>
      <h1>{a.title}</h1>
      <p data-testid="grant-status">
        <strong>{g.status}</strong> · {amount(a.amount)} {g.asset} to <span class="mono">{short(a.recipient)}</span>
        {" "}· paid {amount(g.paid)}
        {g.clawedBack !== "0" && <> · clawed back {amount(g.clawedBack)}</>}
        {a.sdgs.length > 0 && <> · {a.sdgs.map(sdgLabel).join(", ")}</>}
      </p>
      <p class="prose">{a.description}</p>
      <h2>Milestones</h2>
      <table class="list" data-testid="milestones">
        <thead>
          <tr><th scope="col">#</th><th scope="col">Deliverable</th><th scope="col">Due</th><th scope="col" class="num">Tranche</th>
            <th scope="col">Status</th><th scope="col">Evidence</th></tr>
        </thead>
        <tbody>
          {g.milestones.map((m) => (
            <tr key={m.index}>
              <td>{m.index}</td>
              <td>{m.plan.description} <span class="muted">({bps(m.plan.shareBps)})</span></td>
              <td>{when(m.plan.due)}{m.overdue && <span class="warn"> · overdue</span>}</td>
              <td class="num">{amount(m.amount)}</td>
              <td>{m.status}{m.transaction?.hash && <span class="mono"> · {short(m.transaction.hash)}</span>}</td>
              <td>{m.evidenceUrl ? <span class="mono">{m.evidenceUrl} · {short(m.evidenceHash)}</span> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>History</h2>
      <ol class="timeline" data-testid="grant-history">
        {g.history.map((e, i) => (
          <li key={i}>
            {instant(e.at)} · <strong>{e.kind}</strong>{e.milestone != null && ` (milestone ${e.milestone})`} by{" "}
            <span class="mono">{e.actor.startsWith("0x") ? short(e.actor) : e.actor}</span>{e.reason && `: ${e.reason}`}
          </li>
        ))}
      </ol>
      <section aria-labelledby="grant-act-heading">
        <h2 id="grant-act-heading">Act with your wallet</h2>
        {(g.status === "pending" || g.status === "active") && <ReviewForm grant={g} onDone={loaded.reload} />}
        {g.status === "active" && <MilestoneForms grant={g} onDone={loaded.reload} />}
        {g.status !== "pending" && g.status !== "active" && <p class="muted">Nothing left to do: the grant is {g.status}.</p>}
      </section>
    </article>
  );
}
