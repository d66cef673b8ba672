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

/**
 * The proposal page at phone width (no horizontal overflow, screenshot "proposal-phone"), then its time to interactive:
 * the median of five cold loads in fresh contexts, navigation start until the live tally is rendered (ms).
 */
export async function measureProposalPage({ url, walletPage, shot }) {
  const phone = await walletPage("reader", { context: { viewport: { width: 390, height: 844 }, isMobile: true } });
  await phone.page.goto(url);
  await phone.page.getByTestId("voter-count").waitFor();
  await shot(phone.page, "proposal-phone");
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) throw new Error(`the proposal page is ${overflow}px wider than a phone`);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const reader = await walletPage("reader");
    await reader.page.goto(url);
    await reader.page.locator('[data-choice="for"] .tally-value').waitFor();
    times.push(await reader.page.evaluate(() => performance.now()));
    await reader.context.close();
  }
  return Math.round(median(times));
}
