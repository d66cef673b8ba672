// Checks ballot proofs served by a real Gateway two ways: with ethers' keccak256 under OpenZeppelin's sorted-pair
// convention, and on an in-process Hardhat EVM with OpenZeppelin's own MerkleProof (BallotProofHarness.sol, compiled
// here with the pinned solc-js). Run with the working directory deploy/devchain (Hardhat finds its config there).
// env: GATEWAY, PROPOSAL, VOTERS (comma-separated addresses), DEVCHAIN_STATE_DIR (Hardhat's scratch folder)
// stdout: { ballotSetHash, chainBallotSetHash, voters: [{ voter, leaf, ethersRoot, chainRoot, shardRoot, chainVerified,
//           tamperedLeafVerified, tamperedProofVerified }] }
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const devchain = path.resolve(here, "../../../deploy/devchain");
if (!existsSync(path.join(devchain, "node_modules", "hardhat"))) {
  console.error("deploy/devchain/node_modules is missing: run `npm ci --prefix deploy/devchain`");
  process.exit(3);
}
const require = createRequire(path.join(devchain, "package.json"));
const { BrowserProvider, ContractFactory, concat, keccak256, solidityPacked, solidityPackedKeccak256 } = require("ethers");
const solc = require("solc");

const gateway = process.env.GATEWAY;
const proposal = process.env.PROPOSAL;
const voters = process.env.VOTERS.split(",");

async function get(route) {
  const response = await fetch(`${gateway}${route}`);
  const body = await response.json();
  if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${body.code}: ${body.detail}`);
  return body;
}

function leafOf(b) {
  const support = { against: 0, for: 1, abstain: 2 }[b.support];
  const words = (values) => keccak256(solidityPacked(["uint256[]"], [values]));
  if (b.choices.length === 0 && BigInt(b.power) === 0n)
    return solidityPackedKeccak256(["address", "uint8", "uint256", "bytes32"], [b.voter, support, b.weight, b.digest]);
  return solidityPackedKeccak256(
    ["address", "uint8", "uint256", "bytes32", "uint256", "bytes32", "bytes32"],
    [b.voter, support, b.weight, b.digest, b.power, words(b.choices), words(b.weights)]);
}

const pair = (x, y) => (BigInt(x) < BigInt(y) ? keccak256(concat([x, y])) : keccak256(concat([y, x])));

function compileHarness() {
  const source = readFileSync(path.join(here, "BallotProofHarness.sol"), "utf8");
  const input = {
    language: "Solidity",
    sources: { "BallotProofHarness.sol": { content: source } },
    settings: { evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const imports = (unit) => ({ contents: readFileSync(path.join(devchain, "node_modules", unit), "utf8") });
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: imports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  return output.contracts["BallotProofHarness.sol"].BallotProofHarness;
}

const published = (await get(`/proposals/${proposal}`)).ballotSetHash;
const proofs = await Promise.all(voters.map((v) => get(`/proposals/${proposal}/ballots/${v}/proof`)));

const hre = require("hardhat");
const signer = await new BrowserProvider(hre.network.provider).getSigner(0);
const compiled = compileHarness();
const harness = await new ContractFactory(compiled.abi, compiled.evm.bytecode.object, signer).deploy();
await harness.waitForDeployment();

const results = [];
for (const p of proofs) {
  const leaf = leafOf(p.ballot);
  const flipped = (h) => "0x" + h.slice(2, 64) + (h.slice(64) === "00" ? "01" : "00");
  results.push({
    voter: p.voter,
    leaf,
    servedLeaf: p.leaf,
    ethersRoot: p.proof.reduce(pair, leaf),
    chainRoot: await harness.processProof(p.proof, leaf),
    shardRoot: p.shardRoot,
    rootOfShard: p.shardRoots[p.shard],
    chainVerified: await harness.verify(p.proof, p.shardRoot, leaf),
    tamperedLeafVerified: await harness.verify(p.proof, p.shardRoot, flipped(leaf)),
    tamperedProofVerified: p.proof.length > 0 && (await harness.verify([flipped(p.proof[0]), ...p.proof.slice(1)], p.shardRoot, leaf)),
    proofLength: p.proof.length,
  });
}
const shardRoots = proofs[0].shardRoots;
process.stdout.write(JSON.stringify({
  ballotSetHash: published,
  ethersBallotSetHash: keccak256(concat(shardRoots)),
  chainBallotSetHash: await harness.ballotSetHash(shardRoots),
  voters: results,
}));
