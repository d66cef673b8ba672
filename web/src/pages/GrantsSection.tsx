import type { Page } from "../api";
import { amount, bps, instant } from "../format";
import { sdgLabel, type GrantProgramInfo, type SdgReport } from "../grants";
import { useGet } from "../hooks";
import { Link, routes } from "../router";

/** A DAO's grant programs with their ledgers, and its SDG figures for the current period. */
export function GrantsSection({ dao }: { dao: string }) {
  const programs = useGet<Page<GrantProgramInfo>>(`/daos/${dao}/programs?limit=50`);
  const sdg = useGet<SdgReport>(`/daos/${dao}/sdg`);
  const items = programs.data?.items ?? [];
  const goals = sdg.data?.goals ?? [];
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">Grant programs</h2>
      {items.length === 0 ? (
        <p class="muted">No grant programs yet (a proposal with an <code>openGrantProgram</code> action opens one).</p>
      ) : (
        <table class="list" data-testid="programs">
          <thead>
            <tr>
              <th scope="col">Program</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Free</th>
              <th scope="col" class="num">Reserved</th><th scope="col" class="num">Paid</th><th scope="col">Grants</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={routes.program(dao, p.number)}>{p.terms.name}</Link>{" "}
                  <span class="muted">{p.closed ? "closed" : p.accepting ? "open for applications" : "running"}</span>
                </td>
                <td class="num">{amount(p.ledger.budget)} {p.terms.asset}</td>
                <td class="num">{amount(p.ledger.free)}</td>
                <td class="num">{amount(p.ledger.reserved)}</td>
                <td class="num">{amount(p.ledger.paid)}</td>
                <td>{p.grantCount}{p.overdue > 0 && <span class="warn"> · {p.overdue} overdue</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Sustainable Development Goals</h3>
      {sdg.data && (
        <p class="muted">Period {sdg.data.period}: {instant(sdg.data.starts)} to {instant(sdg.data.ends)}.</p>
      )}
      {goals.length === 0 ? (
        <p class="muted">Nothing tagged with an SDG in this period.</p>
      ) : (
        <table class="list" data-testid="sdg">
          <thead>
            <tr>
              <th scope="col">Goal</th><th scope="col">Allocated</th><th scope="col">Paid</th><th scope="col" class="num">Grants</th>
              <th scope="col" class="num">Proposals</th><th scope="col" class="num">Mean turnout</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.goal}>
                <td>{sdgLabel(g.goal)}</td>
                <td>{Object.entries(g.allocated).map(([a, v]) => `${amount(v)} ${a}`).join(", ") || "—"}</td>
                <td>{Object.entries(g.paid).map(([a, v]) => `${amount(v)} ${a}`).join(", ") || "—"}</td>
                <td class="num">{g.grants}</td>
                <td class="num">{g.proposals}</td>
                <td class="num">{g.proposalsDecided ? bps(g.meanTurnoutBps) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
