// Loads ethers from deploy/devchain/node_modules so the tests share the devchain's pinned version.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const devchain = path.resolve(here, "../../../deploy/devchain");

if (!existsSync(path.join(devchain, "node_modules", "ethers"))) {
  console.error("ethers is not installed in deploy/devchain/node_modules: run `npm ci --prefix deploy/devchain`");
  process.exit(3);
}

export const ethers = createRequire(path.join(devchain, "package.json"))("ethers");

export async function readStdinJson() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

// ethers takes the domain type from the domain object itself and refuses EIP712Domain among the struct types.
export function structTypes(typedData) {
  const { EIP712Domain, ...types } = typedData.types;
  return types;
}

export function randomBallot() {
  const voter = ethers.Wallet.createRandom().address;
  return {
    types: {
      EIP712Domain: [
        { name: "name", type: "string" },
        { name: "version", type: "string" },
        { name: "chainId", type: "uint256" },
      ],
      Ballot: [
        { name: "voter", type: "address" },
        { name: "proposal", type: "string" },
        { name: "support", type: "uint8" },
        { name: "reason", type: "string" },
        { name: "timestamp", type: "uint64" },
      ],
    },
    primaryType: "Ballot",
    domain: { name: "Blocktrack Governance", version: "1", chainId: 412346 },
    message: {
      voter,
      proposal: `blocktrack/grants/${Math.floor(Math.random() * 1000)}`,
      support: Math.floor(Math.random() * 3),
      reason: ["", "LGTM", "Against: budget too high ✋", "賛成 🚀"][Math.floor(Math.random() * 4)],
      timestamp: Math.floor(Date.now() / 1000) - Math.floor(Math.random() * 1e6),
    },
  };
}
