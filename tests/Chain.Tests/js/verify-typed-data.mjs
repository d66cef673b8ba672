// stdin: [{typedData, signature}]
// stdout: [{digest, recovered} | {error}] as ethers.verifyTypedData sees them.
import { ethers, readStdinJson, structTypes } from "./ethers-loader.mjs";

const cases = await readStdinJson();
const results = cases.map(({ typedData, signature }) => {
  try {
    const types = structTypes(typedData);
    return {
      digest: ethers.TypedDataEncoder.hash(typedData.domain, types, typedData.message),
      recovered: ethers.verifyTypedData(typedData.domain, types, typedData.message, signature),
    };
  } catch (e) {
    return { error: e.shortMessage ?? e.message };
  }
});
process.stdout.write(JSON.stringify(results));
