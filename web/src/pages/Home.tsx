import { useState } from "preact/hooks";
import type { DaoInfo } from "../api";
import { useGet } from "../hooks";
import { Link, navigate, routes } from "../router";
import { knownRoots } from "../known";

function DaoNode({ path }: { path: string }) {
  const dao = useGet<DaoInfo>(`/daos/${path}`);
  if (dao.loading) return <li class="muted">{path}…</li>;
  if (!dao.data) {
    return (
      <li class="muted">
        <span class="mono">{path}</span>:{" "}
        {dao.problem?.code === "dao-not-found" ? "not founded yet — an operator founds it on the Operator page" : dao.problem?.detail}
      </li>
    );
  }
  const d = dao.data;
  const children = d.subDaos.map((s) => (s.includes("/") ? s : `${d.path}/${s}`));
  return (
    <li>
      <Link href={routes.dao(d.path)}>{d.displayName || d.path}</Link> <span class="mono muted">{d.path}</span>{" "}
      <span class="muted">· {d.proposalCount} proposals</span>
      {children.length > 0 && (
        <ul>
          {children.map((c) => (
            <DaoNode key={c} path={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function Home() {
  const [path, setPath] = useState("");
  // The cluster's root DAOs, plus any this browser opened by path (which may not be founded yet).
  const listed = useGet<{ items: { path: string }[] }>("/daos?limit=200");
  const roots = [...new Set([...(listed.data?.items.map((d) => d.path) ?? []), ...knownRoots()])];
  return (
    <section>
      <h1>DAOs</h1>
      <p>
        Every root DAO of the cluster and its sub-DAOs, with their proposals. Reading needs no wallet; voting, proposing and
        delegating ask your wallet to sign. Every privileged act is in the{" "}
        <Link href={routes.audit()}>audit log</Link>, which anyone can verify.
      </p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const p = path.trim().toLowerCase();
          if (p) navigate(routes.dao(p));
        }}
      >
        <label for="open-dao">Open a DAO by path</label>
        <input id="open-dao" value={path} placeholder="blocktrack/grants" onInput={(e) => setPath(e.currentTarget.value)} />
        <button type="submit">Open</button>
      </form>
      <h2>DAO tree</h2>
      <ul class="tree" data-testid="dao-tree">
        {roots.map((r) => (
          <DaoNode key={r} path={r} />
        ))}
      </ul>
    </section>
  );
}
