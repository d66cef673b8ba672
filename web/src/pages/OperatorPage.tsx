import { useEffect, useState } from "preact/hooks";
import { request, type DaoInfo, type VoterInfo } from "../api";
import { span } from "../format";
import { Link, navigate, routes } from "../router";
import { SignedForm } from "../components/SignedForm";
import { rememberRoot } from "../known";
import { unixNow } from "../wallet";

// The operator key lives in this module's memory only: never in storage, the URL or a cookie.
let operatorKey = "";

interface Chain {
  chainId: number;
  head?: number | null;
  cursor?: number | null;
  lag?: number | null;
  lastError?: string | null;
  healthy: boolean;
}

const field = (id: string, label: string, value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
  <>
    <label for={id}>{label}</label>
    <input id={id} value={value} onInput={(e) => set(e.currentTarget.value)} {...extra} />
  </>
);

function FoundDao() {
  const [f, setF] = useState({
    path: "", displayName: "", className: "general", quorum: "4", approval: "50", delay: "0", period: "3600",
    timelock: "60", grace: "86400", threshold: "0", token: "btk", coordinators: "", guardian: "", asset: "btk", treasury: "0",
  });
  const bind = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const list = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  return (
    <SignedForm
      busyLabel="Sending…"
      label="Found DAO"
      testId="found-form"
      submit={async () => {
        const body = {
          path: f.path.trim(),
          request: {
            displayName: f.displayName,
            constitution: {
              classes: [{
                name: f.className,
                quorumBps: Math.round(Number(f.quorum) * 100),
                approvalThresholdBps: Math.round(Number(f.approval) * 100),
                votingDelay: span(Number(f.delay)), votingPeriod: span(Number(f.period)), lateQuorumExtension: "00:00:00",
                timelockDelay: span(Number(f.timelock)), gracePeriod: span(Number(f.grace)), proposalThreshold: f.threshold,
                powerSource: { kind: "tokenVotes", token: f.token }, allowBallotChange: false, allowedActions: "all",
              }],
            },
            roles: { coordinators: list(f.coordinators), committee: [], guardian: f.guardian.trim() || null },
            treasury: f.treasury !== "0" && f.treasury ? { [f.asset]: f.treasury } : {},
          },
        };
        const dao = await request<DaoInfo>("POST", "/daos", body, operatorKey);
        rememberRoot(dao.path);
        navigate(routes.dao(dao.path));
        return `Founded ${dao.path}.`;
      }}
    >
      <h2>Found a root DAO</h2>
      <p class="muted">One proposal class to start with; amend the constitution by proposal later. Durations in seconds.</p>
      <div class="form-grid">
        {field("f-path", "Path (one segment)", f.path, bind("path"), { required: true, pattern: "[a-z][a-z0-9-]{0,39}" })}
        {field("f-name", "Display name", f.displayName, bind("displayName"), { required: true })}
        {field("f-class", "Class name", f.className, bind("className"))}
        {field("f-token", "Voting token", f.token, bind("token"))}
        {field("f-quorum", "Quorum (%)", f.quorum, bind("quorum"), { inputMode: "decimal" })}
        {field("f-approval", "Approval threshold (%)", f.approval, bind("approval"), { inputMode: "decimal" })}
        {field("f-delay", "Voting delay (s)", f.delay, bind("delay"), { inputMode: "numeric" })}
        {field("f-period", "Voting period (s)", f.period, bind("period"), { inputMode: "numeric" })}
        {field("f-timelock", "Timelock (s)", f.timelock, bind("timelock"), { inputMode: "numeric" })}
        {field("f-grace", "Grace period (s)", f.grace, bind("grace"), { inputMode: "numeric" })}
        {field("f-threshold", "Proposal threshold (votes)", f.threshold, bind("threshold"), { inputMode: "numeric" })}
        {field("f-guardian", "Guardian address", f.guardian, bind("guardian"), { class: "mono" })}
        {field("f-coordinators", "Coordinators (addresses, comma separated)", f.coordinators, bind("coordinators"), { class: "mono" })}
        {field("f-asset", "Treasury asset", f.asset, bind("asset"))}
        {field("f-treasury", "Opening treasury balance", f.treasury, bind("treasury"), { inputMode: "numeric" })}
      </div>
    </SignedForm>
  );
}

function FeedBalance() {
  const [f, setF] = useState({ address: "", token: "btk", balance: "", timepoint: "" });
  const bind = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  return (
    <SignedForm
      busyLabel="Sending…"
      label="Feed balance"
      testId="feed-form"
      submit={async () => {
        // A minute back by default, so a proposal created right away already has it before its snapshot.
        const timepoint = f.timepoint ? Number(f.timepoint) : unixNow() - 60;
        const v = await request<VoterInfo>("POST", `/voters/${f.address.trim()}/balances`,
          { token: f.token, timepoint, balance: f.balance }, operatorKey);
        return `${v.address} holds ${v.balance} ${v.token} (votes ${v.votes}).`;
      }}
    >
      <h2>Feed a balance</h2>
      <div class="form-grid">
        {field("b-address", "Address", f.address, bind("address"), { required: true, class: "mono" })}
        {field("b-token", "Token", f.token, bind("token"))}
        {field("b-balance", "Balance", f.balance, bind("balance"), { required: true, inputMode: "numeric" })}
        {field("b-timepoint", "As of (unix seconds, empty: a minute ago)", f.timepoint, bind("timepoint"), { inputMode: "numeric" })}
      </div>
    </SignedForm>
  );
}

function Health() {
  const [ready, setReady] = useState<string>("…");
  const [chains, setChains] = useState<Chain[] | null>(null);
  useEffect(() => {
    let timer = 0;
    const poll = async () => {
      try {
        const r = await fetch("/readyz");
        const body = await r.json();
        setReady(r.ok ? `ready, ${body.silos} silo(s)` : `${r.status}: ${body.detail ?? body.code}`);
        const c = await fetch("/chains");
        setChains(c.ok ? await c.json() : null);
      } catch {
        setReady("Gateway unreachable");
      }
      timer = window.setTimeout(poll, 5000);
    };
    poll();
    return () => clearTimeout(timer);
  }, []);
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Cluster health</h2>
      <p data-testid="readyz">/readyz: {ready}</p>
      {chains && chains.length === 0 && <p class="muted">No chains configured: no chain mirroring.</p>}
      {chains && chains.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              {["Chain", "Head", "Cursor", "Lag", "Health"].map((h) => <th key={h} scope="col">{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {chains.map((c) => (
              <tr key={c.chainId}>
                <td>{c.chainId}</td><td>{c.head ?? "—"}</td><td>{c.cursor ?? "—"}</td><td>{c.lag ?? "—"}</td>
                <td>{c.healthy ? "healthy" : `failing: ${c.lastError ?? ""}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OperatorPage() {
  const [key, setKey] = useState(operatorKey);
  return (
    <article>
      <h1>Operator</h1>
      <p>
        The operator key (printed by the Gateway at startup, or a named key) is kept in this page's memory only; reload
        the page and it is gone. Sub-DAOs are created by proposals of their parent, not here — see <Link href={routes.home()}>DAOs</Link>.
      </p>
      <label for="operator-key">Operator key</label>
      <input id="operator-key" type="password" autoComplete="off" value={key}
        onInput={(e) => { operatorKey = e.currentTarget.value; setKey(operatorKey); }} />
      <Health />
      <FoundDao />
      <FeedBalance />
    </article>
  );
}
