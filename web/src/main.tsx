import { render } from "preact";
import "./styles.css";
import { UnavailableBanner } from "./components/Banner";
import { WalletBar } from "./components/WalletBar";
import { Link, routes, useLocation } from "./router";
import { Home } from "./pages/Home";
import { DaoPage } from "./pages/DaoPage";
import { ProposalPage } from "./pages/ProposalPage";
import { VoterPage } from "./pages/VoterPage";
import { OperatorPage } from "./pages/OperatorPage";
import { GrantPage, ProgramPage } from "./pages/GrantPages";
import { AuditPage } from "./pages/AuditPage";
import { restore } from "./wallet";

function Page({ path }: { path: string }) {
  const rest = (prefix: string) => decodeURIComponent(path.slice(prefix.length)).replace(/\/+$/, "");
  if (path.startsWith("/app/daos/")) {
    // "programs" is reserved, so no DAO path contains it: what follows it is a program (and maybe a grant).
    const [dao, program] = rest("/app/daos/").split("/programs/");
    if (program) {
      const [n, m] = program.split("/grants/").map(Number);
      return m ? <GrantPage key={path} dao={dao} program={n} grant={m} /> : <ProgramPage key={path} dao={dao} program={n} />;
    }
    return <DaoPage key={path} path={dao} />;
  }
  if (path.startsWith("/app/proposals/")) return <ProposalPage key={path} id={rest("/app/proposals/")} />;
  if (path.startsWith("/app/voters/")) return <VoterPage key={path} address={rest("/app/voters/")} />;
  if (path === "/app/operator") return <OperatorPage />;
  if (path === "/app/audit") return <AuditPage />;
  if (path === "/" || path === "/app" || path === "/app/") return <Home />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        No page at {path}. <Link href={routes.home()}>Back to the DAOs</Link>.
      </p>
    </section>
  );
}

function App() {
  const url = useLocation();
  const here = url.pathname;
  const nav = [
    { href: routes.home(), label: "DAOs", on: here === "/" || here.startsWith("/app/daos") || here.startsWith("/app/proposals") },
    { href: routes.audit(), label: "Audit log", on: here === "/app/audit" },
    { href: routes.operator(), label: "Operator", on: here === "/app/operator" },
  ];
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <Link href={routes.home()} class="brand">Blocktrack Governance</Link>
        <nav aria-label="Main">
          {nav.map((n) => (
            <Link key={n.href} href={n.href} aria-current={n.on ? "page" : undefined}>{n.label}</Link>
          ))}
          <a href="/docs">API</a>
        </nav>
        <WalletBar />
      </header>
      <UnavailableBanner />
      <main id="main" tabIndex={-1}>
        <Page path={here} />
      </main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
restore();
