import { useState } from "preact/hooks";
import type { Page, ProposalSummary } from "../api";
import { instant, short, states } from "../format";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { Pager } from "../components/Pager";
import { ProblemNote } from "../components/ProblemNote";

const pageSize = 10;

/** A DAO's proposals, newest first, filtered by state and paged by the Gateway. */
export function ProposalList({ dao }: { dao: string }) {
  const [state, setState] = useState("");
  const [offset, setOffset] = useState(0);
  const query = `/daos/${dao}/proposals?offset=${offset}&limit=${pageSize}${state ? `&state=${state}` : ""}`;
  const page = useGet<Page<ProposalSummary>>(query);
  const total = page.data?.total ?? 0;
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposals</h2>
      <div class="inline-form">
        <label for="state-filter">State</label>
        <select
          id="state-filter"
          value={state}
          onChange={(e) => {
            setState(e.currentTarget.value);
            setOffset(0);
          }}
        >
          <option value="">all</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <ProblemNote problem={page.problem} />
      {page.data && page.data.items.length === 0 && <p class="muted">No proposals{state ? ` in state ${state}` : ""}.</p>}
      {page.data && page.data.items.length > 0 && (
        <table class="list" data-testid="proposal-list">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Title</th>
              <th scope="col">Class</th>
              <th scope="col">State</th>
              <th scope="col">Proposer</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((p) => (
              <tr key={p.id}>
                <td class="mono">{p.id.split("/").pop()}</td>
                <td>
                  <Link href={routes.proposal(p.id)}>{p.title}</Link>
                </td>
                <td>{p.class}</td>
                <td>
                  <span class={`state state-${p.state}`}>{p.state}</span>
                </td>
                <td class="mono">
                  <Link href={routes.voter(p.proposer)}>{short(p.proposer)}</Link>
                </td>
                <td>{instant(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} size={pageSize} total={total} label="Proposal pages" onMove={setOffset} />
    </section>
  );
}
