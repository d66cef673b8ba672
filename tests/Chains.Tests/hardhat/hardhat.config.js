// The test chains: deploy/devchain's Hardhat network, plus blocks that may share a timestamp, as on Arbitrum chains
// (many blocks per second). That keeps bursts of transactions from running the chains' clocks ahead of the cluster's.
// Environment: CHAIN_ID and DEVCHAIN_STATE_DIR, set by the test fixture.
const path = require("node:path");

const chainId = Number(process.env.CHAIN_ID ?? 412346);
const stateDir = process.env.DEVCHAIN_STATE_DIR ?? path.join(__dirname, "state", String(chainId));

module.exports = {
  solidity: { version: "0.8.28", settings: { evmVersion: "cancun", optimizer: { enabled: true, runs: 200 } } },
  networks: {
    hardhat: {
      chainId,
      hardfork: "cancun",
      accounts: { mnemonic: "test test test test test test test test test test test junk", count: 20 },
      mining: { auto: true },
      allowBlocksWithSameTimestamp: true,
      loggingEnabled: false,
      throwOnTransactionFailures: false,
    },
  },
  paths: { cache: path.join(stateDir, "cache"), artifacts: path.join(stateDir, "artifacts") },
};
