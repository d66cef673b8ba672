// End-to-end flows of the web app in headless Chromium against a real Gateway and cluster (started by the xunit test
// tests/Gateway.Tests/BrowserFlowTests.cs, which also owns the governance clock: "clock N" on stdout asks it to move N
// seconds ahead, "ok" on stdin says it has). Prints one JSON line of results last; exits non-zero on any failure.
import { chromium } from "playwright-core";
import { createInterface } from "node:readline";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { privateKeyToAccount } from "viem/accounts";
import { installWallet } from "./test-wallet.mjs";
import { builtSize, expectText, keyboardTo, measureProposalPage } from "./support.mjs";
import { grantFlow } from "./grant-flow.mjs";
import { recordFlows } from "./record-flows.mjs";

const gateway = process.env.GATEWAY ?? "http://127.0.0.1:5080";
const operatorKey = process.env.OPERATOR_KEY ?? "";
const artifacts = process.env.ARTIFACTS ?? "TestResults/browser";
const chainId = Number(process.env.CHAIN_ID ?? 412346);
mkdirSync(artifacts, { recursive: true });

// Hardhat's well-known development keys #1–#4: never real funds.
const keys = {
  alice: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  bob: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  carol: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  mallory: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
};
const balances = { alice: "1000", bob: "2000", carol: "1500" };
const steps = [];
const log = (line) => process.stderr.write(`${line}\n`);
const step = (name, detail = "") => {
  steps.push(name);
  log(`ok   ${name}${detail ? ` — ${detail}` : ""}`);
};

const stdin = createInterface({ input: process.stdin });
const answers = stdin[Symbol.asyncIterator]();
async function advanceClock(seconds) {
  process.stdout.write(`clock ${seconds}\n`);
  const { value } = await answers.next();
  if (value?.trim() !== "ok") throw new Error(`the test did not move the clock: ${value}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync"],
});
const foreignRequests = [];
async function walletPage(name, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options.context });
  const wallet = keys[name] ? await installWallet(context, { key: keys[name], chainId, forgeWith: options.forgeWith, log }) : null;
  const page = await context.newPage();
  page.on("request", (r) => { if (!r.url().startsWith(gateway) && !r.url().startsWith("data:")) foreignRequests.push(r.url()); });
  page.on("pageerror", (e) => log(`page error (${name}): ${e.message}`));
  page.setDefaultTimeout(20_000);
  return { context, page, address: wallet?.address, wallet };
}
const shot = (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
// The test wallet, like MetaMask, hands a site it connected before its account again on load (eth_accounts).
const connect = async (page) => {
  const button = page.getByRole("button", { name: "Connect wallet" });
  const address = page.getByTestId("wallet-address");
  await button.or(address).first().waitFor();
  if (await button.count()) await button.click();
  await address.waitFor();
};

let failure = null;
const result = {};
try {
  const alice = await walletPage("alice");
  const dao = `web${Date.now().toString(36)}`;

  // Found a DAO on the operator page.
  await alice.page.goto(`${gateway}/app/operator`);
  await alice.page.getByLabel("Operator key").fill(operatorKey);
  await expectText(alice.page.getByTestId("readyz"), /ready, 1 silo/);
  const form = alice.page.getByTestId("found-form");
  await form.getByLabel("Path (one segment)").fill(dao);
  await form.getByLabel("Display name").fill("Web DAO");
  // Short periods, so that signatures made after the clock has jumped over them are still fresh (five minutes at
  // most): a minute's delay leaves a proposal pending long enough to cancel, two minutes of voting, a minute's timelock.
  await form.getByLabel("Voting delay (s)").fill("60");
  await form.getByLabel("Voting period (s)").fill("120");
  await form.getByLabel("Guardian address").fill(privateKeyToAccount(keys.carol).address);
  await form.getByLabel("Timelock (s)").fill("60");
  await form.getByLabel("Coordinators (addresses, comma separated)").fill(alice.address);
  await form.getByLabel("Opening treasury balance").fill("10000");
  await shot(alice.page, "operator");
  await form.getByRole("button", { name: "Found DAO" }).click();
  await alice.page.getByRole("heading", { level: 1, name: "Web DAO" }).waitFor();
  step("found a DAO on the operator page", dao);

  // Feed power (the key stays in memory across in-app navigation, not across a reload).
  await alice.page.getByRole("link", { name: "Operator", exact: true }).click();
  if ((await alice.page.getByLabel("Operator key").inputValue()) !== operatorKey) throw new Error("operator key lost");
  const people = { alice, bob: await walletPage("bob"), carol: await walletPage("carol") };
  const feed = alice.page.getByTestId("feed-form");
  for (const [name, balance] of Object.entries(balances)) {
    await feed.getByLabel("Address").fill(people[name].address);
    await feed.getByLabel("Balance").fill(balance);
    await feed.getByRole("button", { name: "Feed balance" }).click();
    await expectText(feed.getByRole("status"), new RegExp(`holds ${balance} btk`));
  }
  step("feed power", Object.values(balances).join(", "));

  // Delegate: each voter to themselves, signed in their wallet on their voter page.
  const signedBodies = [];
  alice.page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/delegate") && signedBodies.push(r.postData()));
  for (const [name, balance] of Object.entries(balances)) {
    const { page, address } = people[name];
    await page.goto(`${gateway}/app/voters/${address}`);
    await connect(page);
    await page.getByTestId("delegate-form").getByRole("button", { name: "Sign delegation" }).click();
    await expectText(page.getByTestId("delegate-form").getByRole("status"), /Delegated btk/);
    await expectText(page.getByTestId("votes"), new RegExp(Number(balance).toLocaleString("en")));
  }
  await shot(people.bob.page, "voter");
  step("delegate", "three self-delegations signed with eth_signTypedData_v4");
  await advanceClock(2); // delegated votes count from the next second: past it before the snapshot

  // A coordinator changes the committee, signed with CommitteeChange.
  await alice.page.goto(`${gateway}/app/daos/${dao}`);
  await connect(alice.page);
  const committee = alice.page.getByTestId("committee-form");
  await committee.getByLabel("Member address").fill(people.bob.address);
  await committee.getByRole("button", { name: "Sign committee change" }).click();
  await expectText(alice.page.getByTestId("committee"), new RegExp(people.bob.address));
  step("committee change", `${people.bob.address} joins`);

  // Propose, with Markdown that must not run and a payment in words.
  const propose = alice.page.getByTestId("propose-form");
  await propose.getByLabel("Title").fill("Pay Bob for the translation");
  await propose.getByLabel("Description (Markdown)").fill(
    "## Why\n\nBob translated the **course catalogue**. <script>window.__pwned = 1</script>\n\n" +
    "- [the work](https://example.org/catalogue)\n- [a trap](javascript:window.__pwned=2)");
  await propose.getByLabel("To (address)").fill(people.bob.address);
  await propose.getByLabel("Amount").fill("500");
  await propose.getByRole("button", { name: "Add payment" }).click();
  await expectText(propose.getByRole("list", { name: "Actions in words" }), /Pay 500 btk from the treasury/);
  // The same proposal opens a grant program of 2,000 btk (one committee approval decides).
  const actionsBox = propose.getByLabel("Actions (JSON array, signed verbatim)");
  const now = Math.floor(Date.now() / 1000);
  await actionsBox.fill(JSON.stringify([...JSON.parse(await actionsBox.inputValue()), { type: "openGrantProgram", terms: {
    name: "Web grants", asset: "btk", budget: "2000", applicationsOpen: now - 60, applicationsClose: now + 30 * 86400,
    endsAt: now + 60 * 86400, approvals: 1, maxGrant: "1500", sdgs: [4] } }]));
  await expectText(propose.getByRole("list", { name: "Actions in words" }), /Open the grant program "Web grants" with 2,000 btk/);
  await shot(alice.page, "dao");
  await propose.getByRole("button", { name: "Sign and propose" }).click();
  await alice.page.getByTestId("proposal").waitFor();
  const proposalUrl = alice.page.url();
  const proposalId = decodeURIComponent(new URL(proposalUrl).pathname.replace("/app/proposals/", ""));
  step("propose", proposalId);

  // A second proposal, withdrawn by its proposer while pending (a signed Cancel).
  await alice.page.goto(`${gateway}/app/daos/${dao}`);
  await propose.getByLabel("Title").fill("Withdrawn idea");
  await propose.getByRole("button", { name: "Sign and propose" }).click();
  await alice.page.locator('[data-testid="proposal"][data-state="pending"]').waitFor();
  await alice.page.getByTestId("cancel-form").getByRole("button", { name: "Sign and cancel" }).click();
  await alice.page.locator('[data-testid="proposal"][data-state="canceled"]').waitFor();
  step("cancel a pending proposal");

  // A third proposal, for the guardian to veto once it is queued.
  await alice.page.goto(`${gateway}/app/daos/${dao}`);
  await propose.getByLabel("Title").fill("Vetoed idea");
  await propose.getByRole("button", { name: "Sign and propose" }).click();
  await alice.page.locator('[data-testid="proposal"][data-state="pending"]').waitFor();
  const vetoUrl = alice.page.url();

  await advanceClock(62);
  await alice.page.goto(proposalUrl);
  await connect(alice.page);
  await alice.page.locator('[data-testid="proposal"][data-state="active"]').waitFor();
  const md = alice.page.locator(".markdown");
  if (await md.locator("script").count()) throw new Error("the description's <script> became an element");
  if (await alice.page.evaluate(() => window.__pwned)) throw new Error("the description ran script");
  if (await md.locator('a[href^="javascript"]').count()) throw new Error("a javascript: link was kept");
  await expectText(md, /<script>/);
  await expectText(alice.page.getByTestId("actions"), /Pay 500 btk from the treasury to 0x/);
  step("proposal page renders Markdown safely and actions in words");

  // Vote from three wallets; Alice's page shows the live tally move without reloading.
  const forBar = alice.page.locator('[data-choice="for"] .tally-value');
  const againstBar = alice.page.locator('[data-choice="against"] .tally-value');
  const vote = async (person, label, reason, url = proposalUrl) => {
    const { page } = person;
    if (page.url() !== url) await page.goto(url);
    if (!(await page.getByTestId("wallet-address").count())) await connect(page);
    const form = page.getByTestId("vote-form");
    await form.getByLabel(label, { exact: true }).check();
    await form.getByLabel("Reason (optional, public)").fill(reason);
    await form.getByRole("button", { name: "Sign and vote" }).click();
    return form;
  };
  await expectText(alice.page.getByTestId("power"), /1,000/);
  await expectText(await vote(people.bob, "For", "Good work"), /Ballot counted with weight 2,000/);
  await expectText(forBar, /^2,000$/);
  step("vote 1 (bob, For) seen live", "for 2,000");
  await expectText(await vote(people.carol, "Against", "Too expensive"), /Ballot counted with weight 1,500/);
  await expectText(againstBar, /^1,500$/);
  step("vote 2 (carol, Against) seen live", "against 1,500");

  // Keyboard only: Alice connects (already), picks For, writes a reason and submits without the mouse.
  await alice.page.keyboard.press("Home");
  await alice.page.locator("body").focus();
  await keyboardTo(alice.page, (el) => el.type === "radio" && el.value === "1");
  await alice.page.keyboard.press("Space");
  await keyboardTo(alice.page, (el) => el.id === "vote-reason");
  await alice.page.keyboard.type("Pay the translator");
  await keyboardTo(alice.page, (el) => el.tagName === "BUTTON" && el.textContent === "Sign and vote");
  await alice.page.keyboard.press("Enter");
  await expectText(alice.page.getByTestId("vote-form").getByRole("status"), /weight 1,000/);
  await expectText(forBar, /^3,000$/);
  await expectText(alice.page.getByTestId("voter-count"), /^3 voters$/);
  step("vote 3 (alice, For) by keyboard only, seen live", "for 3,000");

  // A forged signature and a second ballot are refused, each with the Gateway's detail shown.
  const mallory = await walletPage("mallory", { forgeWith: keys.carol });
  await vote(mallory, "For", "forged");
  await expectText(mallory.page.locator('[data-code="signature-invalid"] .problem-detail'), /.+/);
  const forged = await mallory.page.locator('[data-code="signature-invalid"]').innerText();
  await vote(people.bob, "Against", "again");
  await expectText(people.bob.page.locator('[data-code="already-voted"] .problem-detail'), /.+/);
  await expectText(forBar, /^3,000$/);
  step("forged and repeated actions refused with their detail", forged.replace(/\s+/g, " ").slice(0, 120));

  // Undelegating after the vote leaves the ballot's weight (read at the snapshot) as it was.
  await people.bob.page.goto(`${gateway}/app/voters/${people.bob.address}`);
  await connect(people.bob.page);
  await people.bob.page.getByTestId("undelegate-form").getByRole("button", { name: "Sign undelegation" }).click();
  await expectText(people.bob.page.getByTestId("delegate"), /nobody/);
  await expectText(people.bob.page.getByTestId("votes"), /^0$/);
  await expectText(forBar, /^3,000$/);
  step("undelegate", "bob's votes now 0, his ballot still weighs 2,000");

  // A replay: the page's next delegation is swapped on the wire for Alice's first one, which the Gateway has seen.
  await alice.page.goto(`${gateway}/app/voters/${alice.address}`);
  await connect(alice.page);
  const delegateApi = (url) => url.pathname.endsWith("/delegate");
  await alice.page.route(delegateApi, (route) => route.continue({ postData: signedBodies[0] }));
  await alice.page.getByTestId("delegate-form").getByRole("button", { name: "Sign delegation" }).click();
  const replayed = await expectText(alice.page.locator('[data-code="replayed"] .problem-detail'), /.+/);
  await alice.page.unroute(delegateApi);
  await alice.page.goto(proposalUrl); // open before the clock jumps: the page must follow by itself
  await alice.page.getByTestId("voter-count").waitFor();
  step("a replayed delegation refused with its detail", replayed.slice(0, 100));

  // The 503 banner: the cluster "unavailable" for one page load, then back.
  const daoApi = (url) => url.pathname.startsWith("/daos/");
  await mallory.page.route(daoApi, (route) => route.fulfill({ status: 503, contentType: "application/problem+json",
    body: JSON.stringify({ status: 503, code: "cluster-unavailable", title: "Cluster unavailable", detail: "no silo answered" }) }));
  await mallory.page.goto(`${gateway}/app/daos/${dao}`);
  await mallory.page.locator(".banner").waitFor();
  await mallory.page.unroute(daoApi);
  await mallory.page.locator(".banner").waitFor({ state: "detached", timeout: 30_000 });
  await mallory.page.getByRole("heading", { level: 1, name: "Web DAO" }).waitFor();
  step("503 banner shown and cleared by its retry", "the page reloads its data once /readyz answers");

  // Bob carries the third proposal alone; once voting closes the guardian vetoes it in the timelock.
  await expectText(await vote(people.bob, "For", "fine by me", vetoUrl), /Ballot counted/);
  await advanceClock(121);
  await alice.page.locator('[data-testid="proposal"][data-state="queued"]').waitFor({ timeout: 30_000 });
  await people.carol.page.goto(vetoUrl);
  await connect(people.carol.page);
  const veto = people.carol.page.getByTestId("veto-form");
  await veto.getByLabel("Reason").fill("Outside the grants policy");
  await veto.getByRole("button", { name: "Sign and veto" }).click();
  await people.carol.page.locator('[data-testid="proposal"][data-state="vetoed"]').waitFor();
  await expectText(people.carol.page.locator(".timeline"), /Vetoed by 0x90f79bf6.*Outside the grants policy/i);
  step("the guardian vetoes a queued proposal");

  // The timelock passes, the proposal executes by itself; the open page follows.
  await advanceClock(61);
  await alice.page.locator('[data-testid="proposal"][data-state="executed"]').waitFor({ timeout: 30_000 });
  await expectText(alice.page.getByTestId("ballot-set-hash"), /^0x[0-9a-f]{64}$/);
  await shot(alice.page, "proposal");
  step("the proposal executes and the page shows it", "executed, ballot-set hash shown");
  await alice.page.getByRole("link", { name: dao }).first().click();
  await expectText(alice.page.getByTestId("treasury"), /7,500/);
  step("treasury paid and the grant program funded", "10,000 → 7,500");

  // A grant from application to payment, across three wallets (web/tests/grant-flow.mjs).
  await grantFlow({ gateway, dao, alice, people, connect, shot });
  step("a grant applied for, approved, delivered and paid", "1,200 btk of the 2,000 btk program");
  await alice.page.getByRole("link", { name: "DAOs", exact: true }).click();
  await expectText(alice.page.getByTestId("dao-tree"), /Web DAO/);
  await shot(alice.page, "home");
  step("the DAO tree lists the founded DAO");
  const vetoId = decodeURIComponent(new URL(vetoUrl).pathname.replace("/app/proposals/", ""));
  await recordFlows({ gateway, dao, proposals: [proposalId, vetoId], people, connect, shot, step, walletPage });

  // Phone width, and time to interactive of the proposal page (no wallet, fresh context each time).
  result.proposalPageInteractiveMs = await measureProposalPage({ url: proposalUrl, walletPage, shot });
  step("phone width and time to interactive", `${result.proposalPageInteractiveMs} ms (median of 5)`);

  if (foreignRequests.length) throw new Error(`requests to other hosts: ${foreignRequests.join(", ")}`);
  result.builtSize = builtSize(process.env.DIST ?? "dist");
} catch (e) {
  failure = e;
  log(`FAIL ${e.stack ?? e}`);
  for (const [i, context] of browser.contexts().entries()) {
    for (const page of context.pages()) {
      await page.screenshot({ path: join(artifacts, `failure-${i}.png`), fullPage: true }).catch(() => {});
    }
  }
} finally {
  await browser.close();
  stdin.close();
}
process.stdout.write(`${JSON.stringify({ ok: !failure, steps, ...result, error: failure ? String(failure.message) : undefined })}\n`);
process.exit(failure ? 1 : 0);
