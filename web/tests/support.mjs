import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Waits (polling, with a deadline) until the locator's text matches. */
export async function expectText(locator, pattern, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.first().innerText().catch(() => "")).trim();
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${pattern} but found "${last}"`);
}

/** Presses Tab until the focused element satisfies `test` (at most 60 times): proves it is reachable by keyboard. */
export async function keyboardTo(page, test) {
  // An expression string, evaluated by the DevTools protocol itself (the app's CSP forbids eval in the page).
  const expression = `!!(${test.toString()})(document.activeElement)`;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(expression)) return;
  }
  throw new Error(`not reachable with Tab: ${test}`);
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Bytes of the built app, raw and gzip-compressed, file by file summed. */
export function builtSize(dist) {
  let raw = 0;
  let gzip = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith(".")) {
        const bytes = readFileSync(path);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
    }
  };
  walk(dist);
  return { raw, gzip };
}
