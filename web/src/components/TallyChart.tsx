import { big, percent, amount } from "../format";

export interface Bar {
  label: string;
  value: string;
  tone: string;
}

/** One horizontal bar per choice, hand-drawn SVG (no chart library to ship), with the numbers as text beside it. */
export function TallyChart({ bars, title }: { bars: Bar[]; title: string }) {
  const total = bars.reduce((s, b) => s + big(b.value), 0n);
  const height = 28;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 100 ${bars.length * height}`} preserveAspectRatio="none" role="img" aria-label={title}
        width="100%" height={bars.length * height}>
        {bars.map((b, i) => {
          const share = percent(big(b.value), total);
          return (
            <g key={b.label}>
              <rect x="0" y={i * height + 4} width="100" height={height - 8} class="bar-track" />
              <rect x="0" y={i * height + 4} width={share} height={height - 8} class={`bar ${b.tone}`} />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {bars.map((b) => (
            <li key={b.label} data-choice={b.label.toLowerCase()}>
              <span class={`swatch ${b.tone}`} aria-hidden="true" />
              {b.label}: <strong class="tally-value">{amount(b.value)}</strong> ({percent(big(b.value), total)}%)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Quorum progress as a native <progress>, so assistive technology reads it. */
export function QuorumBar({ have, need }: { have: string; need: string | null }) {
  if (need === null) return <p class="muted">Quorum is known once voting opens.</p>;
  const needed = big(need);
  const reached = big(have) >= needed;
  const share = needed > 0n ? Math.min(100, percent(big(have), needed)) : 100;
  return (
    <div class="quorum">
      <label for="quorum-progress">
        Quorum: {amount(have)} of {amount(need)} needed {reached ? "— reached" : ""}
      </label>
      <progress id="quorum-progress" max={100} value={share}>
        {share}%
      </progress>
    </div>
  );
}
