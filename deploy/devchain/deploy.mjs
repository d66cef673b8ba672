// Deploys the Blocktrack DAO contracts from artifacts/ to a running dev chain and writes their addresses.
//   node deploy.mjs --rpc http://127.0.0.1:8547 [--out run/deployment-412346.json] [--force]
// Deployer: account #0 of the standard test mnemonic (DEVCHAIN_DEPLOYER_KEY overrides it). On a fresh chain the
// addresses are always the same, because CREATE addresses follow from the deployer and its nonce.
// Setup: BTK (owner: deployer), TimelockController (delay DEVCHAIN_TIMELOCK_DELAY, default 60 s; anyone may execute),
// BlocktrackGovernor (voting delay 1 s, period 300 s, threshold 0, quorum 4 %), Counter (owned by the timelock),
// GovernanceAnchor (owner: deployer), and the cluster's own TimelockController (no delay; the deployer proposes and
// executes) with a Counter it owns; on the L3 (DEVCHAIN_L3_CHAIN_ID, default 412346) also VotingEscrow, which locks BTK
// for veBTK voting power, and BlocktrackBadges (soulbound badges; owner and only minter: the cluster's timelock).
// The governor may propose to and cancel in the timelock; accounts #1–#4 get 1000 BTK each and delegate to themselves
// so they can vote at once (nothing is locked in the escrow).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const { ethers } = createRequire(import.meta.url)("ethers");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const rpc = option("--rpc", `http://127.0.0.1:${process.env.DEVCHAIN_L3_PORT ?? 8547}`);
const force = args.includes("--force");
const mnemonic = "test test test test test test test test test test test junk";
const account = (i) => ethers.HDNodeWallet.fromPhrase(mnemonic, undefined, `m/44'/60'/0'/0/${i}`);

// Automining nodes answer every transaction in its own block; polling fast keeps a deployment under a second.
const provider = new ethers.JsonRpcProvider(rpc, undefined, { staticNetwork: true, pollingInterval: 50 });
const chainId = Number((await provider.getNetwork()).chainId);
const out = path.resolve(here, option("--out", path.join("run", `deployment-${chainId}.json`)));

if (!force && existsSync(out)) {
  const previous = JSON.parse(readFileSync(out, "utf8"));
  if ((await provider.getCode(previous.contracts.BlocktrackToken)) !== "0x") {
    console.log(`already deployed on chain ${chainId} (${out}); --force deploys again`);
    process.exit(0);
  }
}

const deployer = new ethers.NonceManager(
  process.env.DEVCHAIN_DEPLOYER_KEY ? new ethers.Wallet(process.env.DEVCHAIN_DEPLOYER_KEY, provider) : account(0).connect(provider),
);
const deployerAddress = await deployer.getAddress();

async function deploy(name, ...constructorArgs) {
  const artifact = JSON.parse(readFileSync(path.join(here, "artifacts", `${name}.json`), "utf8"));
  const contract = await new ethers.ContractFactory(artifact.abi, artifact.bytecode, deployer).deploy(...constructorArgs);
  await contract.waitForDeployment();
  console.log(`${name.padEnd(20)} ${await contract.getAddress()}`);
  return contract;
}

const send = async (promise) => (await promise).wait();

const timelockDelay = Number(process.env.DEVCHAIN_TIMELOCK_DELAY ?? 60);
const firstBlock = (await provider.getBlockNumber()) + 1;
const token = await deploy("BlocktrackToken", deployerAddress);
const timelock = await deploy("TimelockController", timelockDelay, [], [ethers.ZeroAddress], deployerAddress);
const governor = await deploy("BlocktrackGovernor", await token.getAddress(), await timelock.getAddress(), 1, 300, 0, 4);
const counter = await deploy("Counter", await timelock.getAddress());
const anchor = await deploy("GovernanceAnchor", deployerAddress);
// The cluster acts on chain through a timelock of its own: its proposals already ran their timelock in the
// cluster, so this controller has no delay, and only the cluster's executor (the deployer here) may use it.
const clusterTimelock = await deploy("TimelockController", 0, [deployerAddress], [deployerAddress], deployerAddress);
const clusterCounter = await deploy("Counter", await clusterTimelock.getAddress());
// The vote escrow lives on the L3, Blocktrack's own chain; BTK of other chains counts through tokenVotes.
const l3ChainId = Number(process.env.DEVCHAIN_L3_CHAIN_ID ?? 412346);
const escrow = chainId === l3ChainId ? await deploy("VotingEscrow", await token.getAddress()) : null;
// Badges are minted only by what the cluster executes, so the cluster's timelock owns them. Deployed last, so every
// address above stays where it was.
const badges = chainId === l3ChainId ? await deploy("BlocktrackBadges", await clusterTimelock.getAddress()) : null;

for (const role of ["PROPOSER_ROLE", "CANCELLER_ROLE"]) {
  await send(timelock.grantRole(ethers.id(role), await governor.getAddress()));
}
const voters = [1, 2, 3, 4].map((i) => account(i).connect(provider));
for (const voter of voters) {
  await send(token.mint(voter.address, ethers.parseEther("1000")));
  await send(token.connect(voter).delegate(voter.address));
}

const deployment = {
  chainId,
  rpc,
  firstBlock,
  deployer: deployerAddress.toLowerCase(),
  contracts: {
    BlocktrackToken: (await token.getAddress()).toLowerCase(),
    TimelockController: (await timelock.getAddress()).toLowerCase(),
    BlocktrackGovernor: (await governor.getAddress()).toLowerCase(),
    Counter: (await counter.getAddress()).toLowerCase(),
    GovernanceAnchor: (await anchor.getAddress()).toLowerCase(),
    ClusterTimelock: (await clusterTimelock.getAddress()).toLowerCase(),
    ClusterCounter: (await clusterCounter.getAddress()).toLowerCase(),
    ...(escrow ? { VotingEscrow: (await escrow.getAddress()).toLowerCase() } : {}),
    ...(badges ? { BlocktrackBadges: (await badges.getAddress()).toLowerCase() } : {}),
  },
  voters: voters.map((v) => v.address.toLowerCase()),
  settings: { timelockDelaySeconds: timelockDelay, votingDelaySeconds: 1, votingPeriodSeconds: 300, proposalThreshold: "0", quorumPercent: 4 },
};
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(deployment, null, 2) + "\n");
console.log(`wrote ${path.relative(process.cwd(), out)}`);
provider.destroy();
