// The record flows of the browser test, after the main flow's proposals have closed: Bob's ballots across proposals on
// his voter page; Bob (committee) appoints Alice moderator and Alice hides Carol's reason, which the page then shows
// hidden; Bob attests Carol as a unique person and anyone looks it up; the on-chain treasury view; the audit log.
import { expectText } from "./support.mjs";

// What the Gateway answers for a DAO whose treasury is an account on chain (docs/API.md "A treasury held on chain"):
// merged into the real DAO document of this run, since the flow's cluster mirrors no chain.
const onChainTreasury = {
  chain: 412346,
  account: "0x5fc8d32690cc91d4c39d9d3abcbd16989f875707",
  assets: [{ asset: "btk", token: "0x5fbdb2315678afecb367f032d93f642f64180aa3", balance: "9500" }],
  mirroredBlock: 57,
};

/** Polls a voter's ballot listing until it holds every one of `proposals` (a minute at most: a loaded CI machine). */
async function indexed(url, proposals) {
  const deadline = Date.now() + 60_000;
  let listed = [];
  while (Date.now() < deadline) {
    const response = await fetch(url);
    if (response.ok) listed = (await response.json()).items.map((b) => b.proposal);
    if (proposals.every((p) => listed.includes(p))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the voter's ballots on ${proposals.join(", ")} were not indexed within a minute; listed: ${listed.join(", ")}`);
}

/** Runs the flows; `step` records each one. Throws on the first thing that is not as expected. */
export async function recordFlows({ gateway, dao, proposals, people, connect, shot, step, walletPage }) {
  const { alice, bob, carol } = people;
  const [paid, vetoed] = proposals;

  // (a) Bob voted on the paid proposal and on the vetoed one: both listed on his page once closed. The DAO's analytics
  // index a proposal's ballots after it is sealed, in the background; the page reads once, so wait for the index first.
  await indexed(`${gateway}/voters/${bob.address}/ballots?dao=${dao}&limit=20`, [paid, vetoed]);
  await bob.page.goto(`${gateway}/app/voters/${bob.address}`);
  await bob.page.getByLabel("In DAO").fill(dao);
  await bob.page.getByLabel("In DAO").press("Enter");
  const ballots = bob.page.getByTestId("voter-ballots");
  await expectText(ballots, new RegExp(`${vetoed}[\\s\\S]*fine by me`));
  await expectText(ballots.locator(`[data-proposal="${paid}"]`), /for\s+2,000\s+Good work/);
  await shot(bob.page, "voter-ballots");
  step("a voter's ballots across proposals", `${paid} and ${vetoed} on Bob's page`);

  // (b) A committee member appoints a moderator, who hides a ballot's reason; the proposal page shows it hidden.
  await bob.page.goto(`${gateway}/app/daos/${dao}`);
  await connect(bob.page);
  const appoint = bob.page.getByTestId("moderator-form");
  await appoint.getByLabel("Moderator address").fill(alice.address);
  await appoint.getByRole("button", { name: "Sign moderator change" }).click();
  await expectText(bob.page.getByTestId("moderators"), new RegExp(alice.address));
  await alice.page.goto(`${gateway}/app/proposals/${paid}`);
  await connect(alice.page);
  const carolRow = alice.page.locator(`[data-testid="voters"] [data-voter="${carol.address.toLowerCase()}"]`);
  await expectText(carolRow, /Too expensive/);
  await alice.page.getByText(/^Moderate \(moderators/).click();
  const moderate = alice.page.getByTestId("moderation-form");
  await moderate.getByLabel("Voter whose reason it is").fill(carol.address);
  await moderate.getByLabel("Why (kept in the public history)").fill("Not a reason, a slogan");
  await moderate.getByRole("button", { name: "Sign moderation" }).click();
  await expectText(moderate.getByRole("status"), /reason is hidden from listings/);
  await expectText(carolRow, /hidden by a moderator/);
  await expectText(alice.page.getByTestId("moderation-history"), /hid the reason of 0x.*Not a reason, a slogan/);
  // The moderator hides the vetoed proposal itself: its page says so (it still reads, counts and proves).
  await alice.page.goto(`${gateway}/app/proposals/${vetoed}`);
  await alice.page.getByText(/^Moderate \(moderators/).click();
  await moderate.getByLabel("The proposal").check();
  await moderate.getByLabel("Why (kept in the public history)").fill("Duplicate of an earlier proposal");
  await moderate.getByRole("button", { name: "Sign moderation" }).click();
  await expectText(alice.page.getByTestId("proposal-hidden"), /Hidden from the DAO's listings by a moderator/);
  // A non-moderator is refused with the Gateway's detail.
  await carol.page.goto(`${gateway}/app/proposals/${paid}`);
  await connect(carol.page);
  await carol.page.getByText(/^Moderate \(moderators/).click();
  const refused = carol.page.getByTestId("moderation-form");
  await refused.getByLabel("The proposal").check();
  await refused.getByLabel("Why (kept in the public history)").fill("mine");
  await refused.getByRole("button", { name: "Sign moderation" }).click();
  await expectText(refused.locator('[data-code="not-authorized"] .problem-detail'), /.+/);
  await shot(alice.page, "proposal-moderated");
  step("a moderator appointed hides a reason, shown hidden", "and a proposal; a non-moderator refused with its detail");

  // (c) Bob attests Carol; anyone (a reader without a wallet) looks her up.
  const attest = bob.page.getByTestId("attestation-form");
  await attest.getByLabel("Address", { exact: true }).fill(carol.address);
  await attest.getByRole("button", { name: "Sign attestation" }).click();
  await expectText(attest.getByRole("status"), /attested as a unique person/);
  const reader = await walletPage("reader");
  await reader.page.goto(`${gateway}/app/daos/${dao}`);
  const lookup = reader.page.getByTestId("personhood-lookup");
  await lookup.getByLabel("Look up an address").fill(carol.address);
  await lookup.getByRole("button", { name: "Look up" }).click();
  const record = reader.page.locator('[data-testid="personhood-record"][data-attested="true"]');
  await expectText(record, new RegExp(`attested as a unique person in ${dao} since[\\s\\S]*Attested .* by 0x`, "i"));
  step("a personhood attestation and its lookup", `${carol.address} attested by Bob`);

  // The on-chain treasury view, over this DAO's document with an on-chain custody merged in.
  const daoDocument = (url) => url.pathname === `/daos/${dao}`;
  await reader.page.route(daoDocument, async (route) => {
    const info = await (await route.fetch()).json();
    await route.fulfill({ json: { ...info, custody: "onChain", onChainTreasury } });
  });
  await reader.page.reload();
  const onChain = reader.page.getByTestId("onchain-treasury");
  await expectText(onChain.getByTestId("onchain-account"), /^0x5FC8d32690cc91D4c39d9d3abcBD16989F875707$/);
  await expectText(onChain.getByTestId("onchain-block"), /block 57/);
  await expectText(onChain.locator('[data-asset="btk"]'), /btk\s+0x5FbDB2315678afecb367f032d93F642f64180aa3\s+9,500\s+2,000\s+7,500/);
  if (await onChain.locator("a").count()) throw new Error("the on-chain treasury links out");
  await shot(reader.page, "treasury-onchain");
  await reader.page.unroute(daoDocument);
  step("the on-chain treasury view", "chain, account, mirrored and earmarked balances, block; no link out");

  // (d) The audit log: entries (filtered), head, and a verification of the whole chain.
  await reader.page.getByRole("link", { name: "Audit log" }).click();
  await expectText(reader.page.getByTestId("audit-seq"), /^[1-9]\d*$/);
  await expectText(reader.page.getByTestId("audit-entries"), /dao\.founded[\s\S]*committee\.changed/);
  await reader.page.getByLabel("act", { exact: true }).fill("moderation.recorded");
  await reader.page.getByRole("button", { name: "Filter" }).click();
  await expectText(reader.page.getByTestId("audit-entries"), new RegExp(`moderation\\.recorded[\\s\\S]*${paid}`));
  // The unfiltered table matches that text too: wait for the filtered answer to replace it before reading the rows.
  await reader.page.waitForFunction(() => {
    const rows = [...document.querySelectorAll("[data-testid=audit-entries] tbody tr")];
    return rows.length > 0 && rows.every((r) => r.dataset.act === "moderation.recorded");
  }, null, { timeout: 10_000 }).catch(() => {});
  const acts = await reader.page.locator("[data-testid=audit-entries] tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.act));
  if (!acts.length || acts.some((a) => a !== "moderation.recorded")) throw new Error(`the filter let through ${acts}`);
  await reader.page.getByTestId("audit-verify").click();
  const verified = await expectText(reader.page.locator('[data-testid="audit-verified"][data-verified="true"]'), /^Verified: all \d+/);
  await shot(reader.page, "audit");
  await reader.context.close();
  step("the audit log listed, filtered and verified", verified.slice(0, 60));
}
