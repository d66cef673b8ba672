// Hardhat 2 is used only as a local chain (`hardhat node`); contracts are compiled by build.mjs with solc-js,
// because `hardhat compile` downloads compilers from the internet.
// Each chain is one `hardhat node` process configured by environment variables (chains.sh sets them):
//   CHAIN_ID             chain id (default 412346, the Blocktrack L3)
//   DEVCHAIN_BLOCK_TIME  seconds between blocks; unset or 0 mines one block per transaction
//   DEVCHAIN_STATE_DIR   where Hardhat keeps its cache (default run/hardhat-<chain id>)
const path = require("node:path");

const chainId = Number(process.env.CHAIN_ID ?? 412346);
if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new Error(`CHAIN_ID must be a positive integer, got ${process.env.CHAIN_ID}`);
const blockTimeSeconds = Number(process.env.DEVCHAIN_BLOCK_TIME ?? 0);
const stateDir = process.env.DEVCHAIN_STATE_DIR ?? path.join(__dirname, "run", `hardhat-${chainId}`);

/** @type {import("hardhat/config").HardhatUserConfig} */
module.exports = {
  // Matches build.mjs, so stack traces line up if someone compiles with Hardhat while online.
  solidity: { version: "0.8.28", settings: { evmVersion: "cancun", optimizer: { enabled: true, runs: 200 } } },
  networks: {
    hardhat: {
      chainId,
      hardfork: "cancun",
      // The standard test mnemonic: its first accounts and their keys are well known, which is the point on a devnet.
      accounts: { mnemonic: "test test test test test test test test test test test junk", count: 20 },
      mining: blockTimeSeconds > 0 ? { auto: false, interval: blockTimeSeconds * 1000 } : { auto: true },
      loggingEnabled: false,
      // Like a real chain: a reverting transaction is mined with status 0 rather than reported as an RPC error.
      throwOnTransactionFailures: false,
    },
  },
  // Keep Hardhat's own cache and artifacts away from ours (artifacts/ holds the committed solc-js output).
  paths: { cache: path.join(stateDir, "cache"), artifacts: path.join(stateDir, "artifacts") },
};
