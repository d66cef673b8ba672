import { useEffect, useState } from "preact/hooks";
import { onAvailability, reportRecovered } from "../api";

/** A banner while the cluster answers 503 (or the Gateway is unreachable); polls /readyz until it is back. */
export function UnavailableBanner() {
  const [down, setDown] = useState(false);
  const [next, setNext] = useState(0);
  useEffect(() => onAvailability(setDown), []);
  useEffect(() => {
    if (!down) return;
    let delay = 2;
    let timer = 0;
    const tick = async () => {
      setNext(delay);
      timer = window.setTimeout(async () => {
        try {
          const r = await fetch("/readyz");
          if (r.ok) return reportRecovered();
        } catch {
          /* still down */
        }
        delay = Math.min(30, delay * 2);
        tick();
      }, delay * 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [down]);
  if (!down) return null;
  return (
    <div class="banner" role="alert">
      The governance cluster is unavailable right now. Retrying in {next} s…{" "}
      <button type="button" onClick={() => location.reload()}>
        Retry now
      </button>
    </div>
  );
}
