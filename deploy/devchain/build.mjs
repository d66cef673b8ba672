// Compiles contracts/*.sol (plus OpenZeppelin's TimelockController) with the pinned solc-js and writes
// artifacts/<Name>.json as { contractName, sourceName, compiler, abi, bytecode, deployedBytecode }.
// No network: imports resolve from node_modules. Output is byte-identical from run to run.
//   node build.mjs           write the artifacts
//   node build.mjs --check   exit 1 if the committed artifacts differ from a fresh build
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const solc = require("solc");

const contractsDir = path.join(here, "contracts");
const artifactsDir = path.join(here, "artifacts");
const nodeModules = path.join(here, "node_modules");

// Contracts from libraries that we deploy unchanged get artifacts too.
const libraryContracts = { TimelockController: "@openzeppelin/contracts/governance/TimelockController.sol" };

// OpenZeppelin 5.x uses mcopy (cancun); the optimizer keeps the Governor under the 24 KiB code-size limit.
const settings = {
  evmVersion: "cancun",
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
};

// Source unit names are relative paths, never absolute ones, so the metadata hash (and with it the
// bytecode) does not depend on where the repository is checked out.
const sources = {};
for (const file of readdirSync(contractsDir).filter((f) => f.endsWith(".sol")).sort()) {
  sources[`contracts/${file}`] = { content: readFileSync(path.join(contractsDir, file), "utf8") };
}
for (const unit of Object.values(libraryContracts)) sources[unit] = { content: readImport(unit) };

function readImport(unit) {
  const resolved = path.resolve(nodeModules, unit);
  if (!resolved.startsWith(nodeModules + path.sep)) throw new Error(`import escapes node_modules: ${unit}`);
  if (!existsSync(resolved)) throw new Error(`import not found in node_modules: ${unit} (run npm ci)`);
  return readFileSync(resolved, "utf8");
}

function findImports(unit) {
  try {
    return { contents: readImport(unit) };
  } catch (e) {
    return { error: e.message };
  }
}

const output = JSON.parse(
  solc.compile(JSON.stringify({ language: "Solidity", sources, settings }), { import: findImports }),
);
const problems = output.errors ?? [];
for (const p of problems) console.error(p.formattedMessage ?? p.message);
if (problems.some((p) => p.severity === "error")) process.exit(1);

const wanted = new Map([
  ...Object.keys(sources)
    .filter((unit) => unit.startsWith("contracts/"))
    .flatMap((unit) => Object.keys(output.contracts[unit] ?? {}).map((name) => [name, unit])),
  ...Object.entries(libraryContracts),
]);

const check = process.argv.includes("--check");
let stale = 0;
mkdirSync(artifactsDir, { recursive: true });
for (const [name, unit] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
  const compiled = output.contracts[unit][name];
  const artifact = {
    contractName: name,
    sourceName: unit,
    compiler: { version: solc.version(), evmVersion: settings.evmVersion, optimizerRuns: settings.optimizer.runs },
    abi: compiled.abi,
    bytecode: "0x" + compiled.evm.bytecode.object,
    deployedBytecode: "0x" + compiled.evm.deployedBytecode.object,
  };
  const text = JSON.stringify(artifact, null, 2) + "\n";
  const file = path.join(artifactsDir, `${name}.json`);
  const size = compiled.evm.deployedBytecode.object.length / 2;
  if (check) {
    const same = existsSync(file) && readFileSync(file, "utf8") === text;
    if (!same) stale++;
    console.log(`${same ? "ok   " : "STALE"} ${name} (${size} bytes deployed)`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote artifacts/${name}.json (${size} bytes deployed)`);
  }
}
if (stale > 0) {
  console.error(`${stale} artifact(s) differ from a fresh build: run \`node build.mjs\` in deploy/devchain`);
  process.exit(1);
}
