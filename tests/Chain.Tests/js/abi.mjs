// stdin: { encode: [{types, values}], decode: [{types, data}], functions: [signature], events: [{signature, values}] }
// stdout: what ethers v6 makes of each: encodings, decoded values, selectors, topic hashes, and encoded event logs.
// Values travel as JSON: integers as decimal strings, bytes and addresses as lower-case hex, arrays and tuples as arrays.
import { ethers, readStdinJson } from "./ethers-loader.mjs";

const coder = ethers.AbiCoder.defaultAbiCoder();
const input = await readStdinJson();

// Decoded values back to the JSON notation above, guided by the type (a lower-cased string would be a different value).
function normalize(type, value) {
  if (type.baseType === "array") return Array.from(value, (item) => normalize(type.arrayChildren, item));
  if (type.baseType === "tuple") return type.components.map((component, i) => normalize(component, value[i]));
  if (type.baseType === "address") return value.toLowerCase();
  if (typeof value === "bigint") return value.toString();
  return value;
}

function attempt(action) {
  try {
    return action();
  } catch (e) {
    return { error: e.shortMessage ?? e.message };
  }
}

const output = {
  encode: (input.encode ?? []).map(({ types, values }) => attempt(() => coder.encode(types, values))),
  decode: (input.decode ?? []).map(({ types, data }) =>
    attempt(() => {
      const params = types.map((t) => ethers.ParamType.from(t));
      const decoded = coder.decode(params, data);
      return params.map((p, i) => normalize(p, decoded[i]));
    }),
  ),
  functions: (input.functions ?? []).map((signature) => {
    const fragment = ethers.FunctionFragment.from(`function ${signature}`);
    return { canonical: fragment.format(), selector: fragment.selector };
  }),
  events: (input.events ?? []).map(({ signature, values }) =>
    attempt(() => {
      const fragment = ethers.EventFragment.from(`event ${signature}`);
      const log = new ethers.Interface([fragment]).encodeEventLog(fragment, values);
      return { canonical: fragment.format(), topicHash: fragment.topicHash, topics: log.topics, data: log.data };
    }),
  ),
};
process.stdout.write(JSON.stringify(output));
