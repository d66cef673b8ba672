// The anchor beside our Gateway: gasless ballots through OpenZeppelin Governor's castVoteBySig on a hardhat chain.
//   node anchor-castvotebysig.mjs --devchain <deploy/devchain> --rpc http://127.0.0.1:PORT --voters N --concurrency C --runs R
// Deploys BTK, a TimelockController and BlocktrackGovernor from deploy/devchain/artifacts; gives N fresh voters 1 BTK each
// and delegates it to themselves by signature (the deployer relays, no voter holds ETH), batched into full blocks (setup,
// not timed). Each run then opens a proposal, signs every voter's EIP-712 Ballot beforehand, and times the relayers' (one per call in flight)
// castVoteBySig transactions with C in flight, each from send to its receipt (automine: the ballot is in a block), as the
// benchmark times a Gateway ballot from send to its 200. Prints one JSON line per run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const devchain = option("--devchain", ".");
const { ethers } = createRequire(path.join(path.resolve(devchain), "package.json"))("ethers");
const rpc = option("--rpc", "http://127.0.0.1:8547");
const voterCount = Number(option("--voters", "2000"));
const concurrency = Number(option("--concurrency", "64"));
const runs = Number(option("--runs", "3"));

const provider = new ethers.JsonRpcProvider(rpc, undefined, { staticNetwork: true, pollingInterval: 20, batchMaxCount: 1 });
const chainId = (await provider.getNetwork()).chainId;
const mnemonic = "test test test test test test test test test test test junk";
const account = (i) => ethers.HDNodeWallet.fromPhrase(mnemonic, undefined, `m/44'/60'/0'/0/${i}`).connect(provider);
const deployer = new ethers.NonceManager(account(0));
// One relayer per call in flight, each sending one transaction at a time: no nonce races between concurrent sends.
const relayers = Array.from({ length: concurrency }, (_, i) => ethers.HDNodeWallet.fromPhrase(mnemonic, undefined, `m/44'/60'/1'/0/${i}`).connect(provider));
for (const r of relayers) await provider.send("hardhat_setBalance", [r.address, "0x" + (10n ** 22n).toString(16)]);
// Fixed gas and fees: what a relayer's transaction costs is not the figure, and estimating each one would double the calls.
const fees = { gasLimit: 300_000n, maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 10n ** 9n };
const voters = Array.from({ length: voterCount }, (_, i) => new ethers.Wallet(ethers.id(`anchor-voter-${i}`)));

const artifact = (name) => JSON.parse(readFileSync(path.join(devchain, "artifacts", `${name}.json`), "utf8"));
async function deploy(name, ...constructorArgs) {
  const a = artifact(name);
  const contract = await new ethers.ContractFactory(a.abi, a.bytecode, deployer).deploy(...constructorArgs);
  await contract.waitForDeployment();
  return contract;
}

const me = await deployer.getAddress();
const token = await deploy("BlocktrackToken", me);
const timelock = await deploy("TimelockController", 60, [], [ethers.ZeroAddress], me);
const governor = await deploy("BlocktrackGovernor", await token.getAddress(), await timelock.getAddress(), 1, 86400, 0, 4);
const [tokenAddress, governorAddress] = [await token.getAddress(), await governor.getAddress()];

// Setup in full blocks: automine off, every transaction sent (explicit nonces, 25 at a time: 100 at once made hardhat
// drop connections on a loaded machine), blocks mined until the last receipt is in.
const owner = account(0);
async function batched(sends) {
  await provider.send("evm_setAutomine", [false]);
  let nonce = await provider.getTransactionCount(owner.address, "pending");
  const sent = [];
  for (let i = 0; i < sends.length; i += 25)
    sent.push(...(await Promise.all(sends.slice(i, i + 25).map((send, j) => send({ ...fees, nonce: nonce + i + j })))));
  while ((await provider.getTransactionReceipt(sent[sent.length - 1].hash)) === null) await provider.send("evm_mine", []);
  await provider.send("evm_setAutomine", [true]);
}
const started = Date.now();
await batched(voters.map((v) => (o) => token.connect(owner).mint(v.address, ethers.parseEther("1"), o)));
const tokenDomain = { name: "Blocktrack", version: "1", chainId, verifyingContract: tokenAddress };
const delegation = { Delegation: [{ name: "delegatee", type: "address" }, { name: "nonce", type: "uint256" }, { name: "expiry", type: "uint256" }] };
const expiry = 2n ** 48n;
const delegations = await Promise.all(voters.map((v) => v.signTypedData(tokenDomain, delegation, { delegatee: v.address, nonce: 0, expiry })));
await batched(voters.map((v, i) => (o) => {
  const { v: sv, r, s } = ethers.Signature.from(delegations[i]);
  return token.connect(owner).delegateBySig(v.address, 0, expiry, sv, r, s, o);
}));
console.error(`setup: ${voterCount} voters minted and delegated in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const governorDomain = { name: "Blocktrack Governor", version: "1", chainId, verifyingContract: governorAddress };
const ballot = { Ballot: [
  { name: "proposalId", type: "uint256" }, { name: "support", type: "uint8" }, { name: "voter", type: "address" }, { name: "nonce", type: "uint256" },
] };
for (let run = 0; run < runs; run++) {
  const description = `anchor benchmark run ${run} ${Date.now()}`;
  const proposal = [[tokenAddress], [0], ["0x"], description];
  await (await governor.connect(owner).propose(...proposal)).wait();
  const id = await governor.hashProposal(proposal[0], proposal[1], proposal[2], ethers.id(description));
  await provider.send("evm_increaseTime", [2]);
  await provider.send("evm_mine", []);
  // Every voter's nonce at the governor is its number of earlier ballots: one per run.
  const signatures = await Promise.all(voters.map((v, i) => v.signTypedData(governorDomain, ballot,
    { proposalId: id, support: i % 10 < 6 ? 1 : i % 10 < 9 ? 0 : 2, voter: v.address, nonce: run })));

  const latencies = [];
  let next = 0, failures = 0, firstFailure = null;
  const t0 = performance.now();
  await Promise.all(relayers.map(async (relayer) => {
    let nonce = await provider.getTransactionCount(relayer.address, "pending");
    for (let k = next++; k < voterCount; k = next++) {
      const start = performance.now();
      try {
        const i = k;
        const support = i % 10 < 6 ? 1 : i % 10 < 9 ? 0 : 2;
        const tx = await governor.connect(relayer).castVoteBySig(id, support, voters[i].address, signatures[i], { ...fees, nonce: nonce++ });
        const receipt = await tx.wait();
        if (receipt.status !== 1) throw new Error(`castVoteBySig reverted for voter ${i}`);
        latencies.push(performance.now() - start);
      } catch (e) {
        failures++;
        firstFailure ??= String(e.shortMessage ?? e.message);
      }
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? null;
  const [, forVotes, abstainVotes] = await governor.proposalVotes(id);
  console.log(JSON.stringify({ run: run + 1, ballots: latencies.length, failures, firstFailure, seconds,
    perSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), forVotes: forVotes.toString(), abstainVotes: abstainVotes.toString() }));
}
