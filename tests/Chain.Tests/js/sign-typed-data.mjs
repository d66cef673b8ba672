// stdin: [{typedData, privateKey?} | {generate: "ballot"}]
// stdout: [{typedData, digest, signature, address}] signed by the given key or a fresh random ethers wallet.
import { ethers, readStdinJson, structTypes, randomBallot } from "./ethers-loader.mjs";

const cases = await readStdinJson();
const results = [];
for (const item of cases) {
  const typedData = item.generate === "ballot" ? randomBallot() : item.typedData;
  const wallet = item.privateKey ? new ethers.Wallet(item.privateKey) : ethers.Wallet.createRandom();
  const types = structTypes(typedData);
  results.push({
    typedData,
    digest: ethers.TypedDataEncoder.hash(typedData.domain, types, typedData.message),
    signature: await wallet.signTypedData(typedData.domain, types, typedData.message),
    address: wallet.address,
  });
}
process.stdout.write(JSON.stringify(results));
