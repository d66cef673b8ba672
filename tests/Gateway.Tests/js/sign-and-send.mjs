// Signs requests with ethers v6 exactly as a wallet would (types and domain from the Gateway's GET /eip712) and sends them.
// stdin: {gateway, requests: [{path, type, key, message}]}; stdout: [{status, body}] in the same order.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const { Wallet } = createRequire(path.resolve(here, "../../../deploy/devchain/package.json"))("ethers");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { gateway, requests } = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const { domain, types } = await (await fetch(`${gateway}/eip712`)).json();
const results = [];
for (const { path: route, type, key, message } of requests) {
  const signature = await new Wallet(key).signTypedData(domain, { [type]: types[type] }, message);
  const response = await fetch(`${gateway}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message, signature }),
  });
  results.push({ status: response.status, body: await response.json() });
}
process.stdout.write(JSON.stringify(results));
