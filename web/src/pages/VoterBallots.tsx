import { useState } from "preact/hooks";
import type { Page, VoterBallot } from "../api";
import { amount, instant } from "../format";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { Pager } from "../components/Pager";
import { ProblemNote } from "../components/ProblemNote";

const pageSize = 20;

function choiceOf(b: VoterBallot): string {
  if (!b.choices.length) return b.support;
  return b.choices.map((c, i) => (b.weights.length ? `#${c} (${b.weights[i]})` : `#${c}`)).join(", ");
}

/**
 * The ballots an address cast on the closed proposals of a DAO and the DAOs below it, newest first. The Gateway indexes a
 * proposal once it has closed and its sealed ballots were read; a ballot on an open proposal shows on that proposal's page.
 */
export function VoterBallots({ address, dao }: { address: string; dao: string }) {
  const [offset, setOffset] = useState(0);
  const page = useGet<Page<VoterBallot> & { total: number }>(
    dao ? `/voters/${address}/ballots?dao=${dao}&offset=${offset}&limit=${pageSize}` : null,
  );
  const items = page.data?.items ?? [];
  return (
    <section aria-labelledby="ballots-heading">
      <h2 id="ballots-heading">Ballots in {dao} and below</h2>
      <ProblemNote problem={page.problem} />
      {page.data && items.length === 0 && (
        <p class="muted">No ballot on a closed proposal yet (a proposal is listed here once its vote has closed).</p>
      )}
      {items.length > 0 && (
        <table class="list" data-testid="voter-ballots">
          <thead>
            <tr>
              <th scope="col">Proposal</th><th scope="col">DAO</th><th scope="col">Vote</th>
              <th scope="col" class="num">Weight</th><th scope="col">Reason</th><th scope="col">Cast</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.proposal} data-proposal={b.proposal}>
                <td class="mono"><Link href={routes.proposal(b.proposal)}>{b.proposal}</Link></td>
                <td><Link href={routes.dao(b.dao)}>{b.dao}</Link></td>
                <td>{choiceOf(b)}</td>
                <td class="num">
                  {amount(b.weight)}
                  {b.power !== "0" && <span class="muted"> (power {amount(b.power)})</span>}
                </td>
                <td>{b.reasonHidden ? <em class="muted">hidden by a moderator</em> : b.reason}</td>
                <td><time dateTime={b.recordedAt}>{instant(b.recordedAt)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} size={pageSize} total={page.data?.total ?? 0} label="Ballot pages" onMove={setOffset} />
    </section>
  );
}
