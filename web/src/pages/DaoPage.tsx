import { useState } from "preact/hooks";
import type { Constitution, DaoInfo } from "../api";
import { amount } from "../format";
import { TreasurySection } from "./Treasury";
import { AttestationForm, CommitteeForm, ModeratorForm, PersonhoodLookup } from "./RoleForms";
import { ModerationHistory, useRecentModeration } from "./Moderation";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { ProblemNote } from "../components/ProblemNote";
import { ConstitutionView } from "./Constitution";
import { ProposalList } from "./ProposalList";
import { GrantsSection } from "./GrantsSection";
import { ProposeForm } from "./DaoForms";
import { rememberRoot } from "../known";
import { checksum } from "../wallet";

function Addresses({ list }: { list: string[] }) {
  if (!list.length) return <span class="muted">none</span>;
  return (
    <>
      {list.map((a, i) => (
        <span key={a}>
          {i > 0 && ", "}
          <Link href={routes.voter(a)}>
            <span class="mono">{checksum(a)}</span>
          </Link>
        </span>
      ))}
    </>
  );
}

export function DaoPage({ path }: { path: string }) {
  const dao = useGet<DaoInfo>(`/daos/${path}`);
  const history = useGet<Constitution[]>(`/daos/${path}/constitution/history`);
  const [tick, setTick] = useState(0);
  const moderation = useRecentModeration(path, tick);
  if (dao.problem) return <ProblemNote problem={dao.problem} />;
  if (!dao.data) return <p aria-busy="true">Loading {path}…</p>;
  const d = dao.data;
  rememberRoot(d.path);
  const crumbs = d.path.split("/").map((_, i, all) => all.slice(0, i + 1).join("/"));
  const subs = d.subDaos.map((s) => (s.includes("/") ? s : `${d.path}/${s}`));
  return (
    <article>
      <nav aria-label="DAO path" class="crumbs">
        {crumbs.map((c, i) => (
          <span key={c}>
            {i > 0 && " / "}
            <Link href={routes.dao(c)}>{c.split("/").pop()}</Link>
          </span>
        ))}
      </nav>
      <h1>{d.displayName || d.path}</h1>
      <p class="muted">
        <span class="mono">{d.path}</span> · {d.proposalCount} proposals
        {d.parent && (
          <>
            {" "}· sub-DAO of <Link href={routes.dao(d.parent)}>{d.parent}</Link>
          </>
        )}
      </p>
      <div class="grid">
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">Roles</h2>
          <dl class="facts">
            <dt>Guardian</dt>
            <dd>{d.roles.guardian ? <Addresses list={[d.roles.guardian]} /> : <span class="muted">none</span>}</dd>
            <dt>Coordinators</dt>
            <dd><Addresses list={d.roles.coordinators} /></dd>
            <dt>Committee</dt>
            <dd data-testid="committee"><Addresses list={d.roles.committee} /></dd>
            <dt>Moderators</dt>
            <dd data-testid="moderators"><Addresses list={d.roles.moderators} /></dd>
          </dl>
        </section>
        <section aria-labelledby="treasury-heading">
          <h2 id="treasury-heading">Treasury</h2>
          <TreasurySection dao={d} />
          <h3>Budgets</h3>
          {d.rewardBudgets.length === 0 ? (
            <p class="muted">No reward budgets.</p>
          ) : (
            <ul>
              {d.rewardBudgets.map((b, i) => (
                <li key={i}>{amount(b.amountPerEpoch)} {b.asset} per epoch for {b.epochs} epochs</li>
              ))}
            </ul>
          )}
          {subs.length > 0 && (
            <>
              <h3>Sub-DAOs</h3>
              <ul>
                {subs.map((s) => (
                  <li key={s}><Link href={routes.dao(s)}>{s}</Link></li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <ProposalList dao={d.path} />
      <GrantsSection dao={d.path} />
      <ConstitutionView current={d.constitution} history={history.data} />
      <PersonhoodLookup dao={d.path} />
      <ModerationHistory acts={moderation.acts} problem={moderation.problem} showProposal />
      <section aria-labelledby="act-heading">
        <h2 id="act-heading">Act with your wallet</h2>
        <ProposeForm dao={d} />
        {d.roles.coordinators.length > 0 && <CommitteeForm dao={d} onChanged={dao.reload} />}
        {d.roles.committee.length > 0 && (
          <>
            <ModeratorForm dao={d} onChanged={() => (dao.reload(), setTick((t) => t + 1))} />
            <AttestationForm dao={d} />
          </>
        )}
        <p class="muted">
          {d.createdBy ? <>Created by proposal <Link href={routes.proposal(d.createdBy)}>{d.createdBy}</Link>.</> : "Founded by an operator."}
        </p>
      </section>
    </article>
  );
}
