// stdin: [{privateKey, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data}]
// stdout: [{raw, hash, unsignedHash, from}] as ethers v6 signs them as EIP-1559 (type 2) transactions.
import { ethers, readStdinJson } from "./ethers-loader.mjs";

const cases = await readStdinJson();
const results = cases.map(({ privateKey, ...fields }) => {
  const tx = ethers.Transaction.from({ type: 2, accessList: [], ...fields });
  tx.signature = new ethers.SigningKey(privateKey).sign(tx.unsignedHash);
  return { raw: tx.serialized, hash: tx.hash, unsignedHash: tx.unsignedHash, from: tx.from.toLowerCase() };
});
process.stdout.write(JSON.stringify(results));
