// Validates rendered Kubernetes manifests offline: `kubectl kustomize overlays/dev | node validate.mjs`.
// Each object is checked against its kind's schema (kubernetes-models: types, required fields, enums) and walked
// against the API's field lists (@kubernetes/client-node's models), so a misspelt or misplaced field fails instead
// of being dropped silently by the API server. Prints the objects as one JSON array; exits 1 naming every problem.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
const leaves = new Set(["string", "number", "boolean", "Date", "object", "any", "IntOrString"]);

const input = readFileSync(process.argv[2] ?? 0, "utf8");
const objects = parseAllDocuments(input).map(doc => {
  if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join("; "));
  return doc.toJS();
}).filter(o => o !== null);
// kustomize wraps long base64 values of generated Secrets at 76 columns; the API server's decoder skips the newlines.
for (const secret of objects.filter(o => o.kind === "Secret" && o.data)) {
  for (const key of Object.keys(secret.data)) secret.data[key] = secret.data[key].replace(/\s+/g, "");
}

const problems = [];
for (const object of objects) {
  const { apiVersion, kind } = object;
  const name = `${kind}/${object.metadata?.name}`;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  let Model;
  try {
    Model = (await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`))[kind];
  } catch {
    problems.push(`${name}: no schema for ${apiVersion} ${kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
  walk(object, version.charAt(0).toUpperCase() + version.slice(1) + kind, name);
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
process.stdout.write(JSON.stringify(objects));

function walk(value, type, path) {
  if (value === null || value === undefined || leaves.has(type)) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return value.forEach((item, i) => walk(item, array[1], `${path}[${i}]`));
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return Object.entries(value).forEach(([key, item]) => walk(item, map[1], `${path}.${key}`));
  const fields = attributes(type);
  if (typeof value !== "object") return problems.push(`${path}: expected an object (${type})`);
  for (const [key, item] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field) problems.push(`${path}.${key}: unknown field of ${type}`);
    else walk(item, field, `${path}.${key}`);
  }
}

function attributes(type) {
  const model = require(`@kubernetes/client-node/dist/gen/models/${type}.js`)[type];
  return new Map(model.getAttributeTypeMap().map(a => [a.baseName, a.type]));
}
