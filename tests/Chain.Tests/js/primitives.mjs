// stdin: {hashes: [hex], addresses: [hex], signatures: [{privateKey, digest}], transactions: [{privateKey, nonce, ...}]}
// stdout: the same lists answered by ethers: keccak256, checksum address, raw-digest signature, signed legacy transaction.
import { ethers, readStdinJson } from "./ethers-loader.mjs";

const input = await readStdinJson();
const output = {
  hashes: (input.hashes ?? []).map((hex) => ethers.keccak256(hex)),
  addresses: (input.addresses ?? []).map((hex) => ethers.getAddress(hex)),
  signatures: (input.signatures ?? []).map(({ privateKey, digest }) => new ethers.SigningKey(privateKey).sign(digest).serialized),
  transactions: (input.transactions ?? []).map(({ privateKey, ...fields }) => {
    const tx = ethers.Transaction.from({ type: 0, ...fields });
    tx.signature = new ethers.SigningKey(privateKey).sign(tx.unsignedHash);
    return { raw: tx.serialized, hash: tx.hash, unsignedHash: tx.unsignedHash };
  }),
};
process.stdout.write(JSON.stringify(output));
