// stdin: {cases: [{type, choices, votes: [{choice, balance}]}]} with Snapshot's vote shapes (1-based choices;
// weighted and quadratic choices as {"1": w, ...}); balances as decimal strings.
// stdout: {scores: [[...]]}: snapshot.js 0.17.5's getScores() for each case, as JS numbers.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const devchain = path.resolve(here, "../../../deploy/devchain");
if (!existsSync(path.join(devchain, "node_modules", "@snapshot-labs", "snapshot.js"))) {
  console.error("@snapshot-labs/snapshot.js is not installed in deploy/devchain/node_modules: run `npm ci --prefix deploy/devchain`");
  process.exit(3);
}
const snapshot = createRequire(path.join(devchain, "package.json"))("@snapshot-labs/snapshot.js");
const voting = (snapshot.default ?? snapshot).utils.voting;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const scores = input.cases.map(({ type, choices, votes }) => {
  const proposal = { choices: Array.from({ length: choices }, (_, i) => `choice ${i + 1}`) };
  const strategies = [{ name: "erc20-votes", params: {} }];
  const shaped = votes.map(({ choice, balance }) => ({ choice, balance: Number(balance), scores: [Number(balance)] }));
  const Counting = voting[type];
  if (!Counting) throw new Error(`snapshot.js has no counting type '${type}'`);
  return new Counting(proposal, shaped, strategies, null).getScores();
});
process.stdout.write(JSON.stringify({ scores }));
