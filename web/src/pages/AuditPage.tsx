import { useState } from "preact/hooks";
import { get, type AuditEntry, type AuditHead, type AuditVerification, type Page, type Problem } from "../api";
import { instant } from "../format";
import { problemOf, useGet } from "../hooks";
import { Pager } from "../components/Pager";
import { ProblemNote } from "../components/ProblemNote";

const pageSize = 25;
const fields = ["act", "actor", "subject", "from", "to"] as const;
type Filters = Record<(typeof fields)[number], string>;
const none: Filters = { act: "", actor: "", subject: "", from: "", to: "" };

/** The query of a filtered page: from and to are typed as local times and sent as unix seconds. */
function query(filters: Filters, offset: number): string {
  const params = new URLSearchParams({ offset: String(offset), limit: String(pageSize) });
  for (const f of fields) {
    const v = filters[f].trim();
    if (!v) continue;
    params.set(f, f === "from" || f === "to" ? String(Math.floor(new Date(v).getTime() / 1000)) : v);
  }
  return `/audit?${params}`;
}

function Head({ head }: { head: AuditHead }) {
  const anchor = head.anchor;
  return (
    <dl class="facts" data-testid="audit-head">
      <dt>Entries</dt><dd data-testid="audit-seq">{head.seq}</dd>
      <dt>Running hash</dt><dd class="mono break">{head.hash}</dd>
      <dt>Anchored</dt>
      <dd>
        {head.anchoredSeq == null ? "not anchored yet"
          : <>entry {head.anchoredSeq}: <span class="mono break">{head.anchoredHash}</span></>}
      </dd>
      <dt>Anchor contract</dt>
      <dd data-testid="audit-anchor">
        {!anchor?.record ? "no anchor contract configured" : anchor.matches ? "holds the same hash"
          : `MISMATCH: the contract holds ${anchor.onChainHash ?? "nothing"}`}
      </dd>
    </dl>
  );
}

function Verify() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await get<AuditVerification>("/audit/verify"));
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div aria-live="polite">
      <button type="button" data-testid="audit-verify" disabled={busy} onClick={run}>
        {busy ? "Recomputing the running hash…" : "Verify the whole log"}
      </button>
      {result && (
        <p class={result.verified ? "ok" : "problem"} role="status" data-testid="audit-verified" data-verified={String(result.verified)}>
          {result.verified
            ? `Verified: all ${result.entries} entries follow one another; recomputed hash ${result.recomputedHash}.`
            : `Broken at entry ${result.firstBrokenSeq}: ${result.problem ?? "it does not follow the one before"}.`}
        </p>
      )}
      <ProblemNote problem={problem} />
    </div>
  );
}

/** The audit log of privileged acts: its entries (filtered, paged, oldest first), its head and anchor, and a verification. */
export function AuditPage() {
  const [typed, setTyped] = useState<Filters>(none);
  const [filters, setFilters] = useState<Filters>(none);
  const [offset, setOffset] = useState(0);
  const head = useGet<AuditHead>("/audit/head");
  const page = useGet<Page<AuditEntry> & { total: number }>(query(filters, offset));
  return (
    <article>
      <h1>Audit log</h1>
      <p>
        Every privileged act (founding, deposits, role changes, attestations, moderation, vetoes, executions), chained by a
        running keccak-256 hash so that a rewritten, dropped or reordered entry shows. Anyone can read and verify it.
      </p>
      <ProblemNote problem={head.problem} />
      {head.data && <Head head={head.data} />}
      <Verify />
      <h2>Entries</h2>
      <form class="form-grid" data-testid="audit-filters" onSubmit={(e) => {
        e.preventDefault();
        setOffset(0);
        setFilters(typed);
      }}>
        {fields.map((f) => (
          <span key={f} class="field">
            <label for={`audit-${f}`}>{f === "from" ? "From (inclusive)" : f === "to" ? "To (exclusive)" : f}</label>
            <input id={`audit-${f}`} type={f === "from" || f === "to" ? "datetime-local" : "text"} value={typed[f]}
              onInput={(e) => setTyped({ ...typed, [f]: e.currentTarget.value })} />
          </span>
        ))}
        <button type="submit">Filter</button>
      </form>
      <ProblemNote problem={page.problem} />
      {page.data && page.data.items.length === 0 && <p class="muted">No entry matches.</p>}
      {page.data && page.data.items.length > 0 && (
        <table class="list" data-testid="audit-entries">
          <thead>
            <tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Act</th><th scope="col">By</th>
              <th scope="col">Subject</th><th scope="col">Detail</th></tr>
          </thead>
          <tbody>
            {page.data.items.map((e) => (
              <tr key={e.seq} data-act={e.act}>
                <td class="num nowrap">{e.seq}</td>
                <td class="nowrap"><time dateTime={e.at}>{instant(e.at)}</time></td>
                <td class="mono nowrap">{e.act}</td>
                <td><span class="muted">{e.actorKind}</span> <span class="mono break">{e.actor}</span></td>
                <td class="mono">{e.subject}</td>
                <td class="break">{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} size={pageSize} total={page.data?.total ?? 0} label="Audit pages" onMove={setOffset}
        back="Earlier" forward="Later" />
    </article>
  );
}
