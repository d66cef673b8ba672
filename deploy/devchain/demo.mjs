// Turns run/deployment-<chain id>.json of both dev chains into what a Gateway needs to mirror them:
//   run/demo.env       `export Chains__0__Rpc=...` lines (also printed on stdout, for eval), with the L3's vote escrow
//                      and its executor (the cluster's timelock, the badge contract and the deployer's key)
//   run/demo-dao.json  the POST /daos body of a demo DAO whose voting power is BTK summed across both chains
// Usage: node demo.mjs [--confirmations 0] [--operator-key demo-operator-key]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
// A dev chain mines one block per transaction and never reorganises: mirror the head at once.
const confirmations = option("--confirmations", "0");
const operatorKey = option("--operator-key", "demo-operator-key");
const chains = [
  { name: "l3", id: Number(process.env.DEVCHAIN_L3_CHAIN_ID ?? 412346) },
  { name: "side", id: Number(process.env.DEVCHAIN_SIDE_CHAIN_ID ?? 412347) },
];

// Account #0 of the public test mnemonic, as in deploy.mjs: a dev chain's key, never a real one.
const deployerKey = process.env.DEVCHAIN_DEPLOYER_KEY ?? "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const lines = [`Gateway__OperatorApiKey=${operatorKey}`];
chains.forEach((chain, i) => {
  const file = path.join(here, "run", `deployment-${chain.id}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run ./chains.sh start && ./chains.sh deploy first`);
  const deployment = JSON.parse(readFileSync(file, "utf8"));
  const p = `Chains__${i}__`;
  lines.push(
    `${p}Id=${chain.id}`,
    `${p}Name=${chain.name}`,
    `${p}Rpc=${deployment.rpc}`,
    `${p}Confirmations=${confirmations}`,
    `${p}Tokens__0__Address=${deployment.contracts.BlocktrackToken}`,
    `${p}Tokens__0__Token=btk@${chain.id}`,
    `${p}Governors__0__Address=${deployment.contracts.BlocktrackGovernor}`,
    `${p}Governors__0__Dao=onchain/${chain.name}`,
  );
  if (deployment.contracts.VotingEscrow)
    lines.push(`${p}Escrows__0__Address=${deployment.contracts.VotingEscrow}`, `${p}Escrows__0__Token=vebtk@${chain.id}`);
  // The L3's badges are minted through the cluster's timelock, whose proposer and executor is the deployer.
  if (deployment.contracts.BlocktrackBadges)
    lines.push(
      `${p}Executor__Timelock=${deployment.contracts.ClusterTimelock}`,
      `${p}Executor__Badges=${deployment.contracts.BlocktrackBadges}`,
      `${p}Executor__PrivateKey=${deployerKey}`,
    );
});
const env = lines.map((l) => `export ${l}`).join("\n") + "\n";
writeFileSync(path.join(here, "run", "demo.env"), env);

const tokens = chains.map((c) => `btk@${c.id}`);
const powerSource = { kind: "tokenVotes", tokens };
const dao = {
  path: "blocktrack",
  request: {
    displayName: "Blocktrack DAO (BTK on the L3 and the side chain)",
    constitution: {
      classes: [
        { name: "standard", quorumBps: 400, votingDelay: "00:00:10", votingPeriod: "00:10:00", timelockDelay: "00:01:00",
          powerSource, allowedActions: "treasuryTransfer, allocateBudget, createSubDao, setRole" },
        { name: "constitutional", quorumBps: 2000, approvalThresholdBps: 6667, votingDelay: "00:00:10", votingPeriod: "00:10:00",
          timelockDelay: "00:02:00", powerSource, allowedActions: "all" },
      ],
    },
    treasury: { btk: "1000000" },
  },
};
writeFileSync(path.join(here, "run", "demo-dao.json"), JSON.stringify(dao, null, 2) + "\n");
process.stdout.write(env);
