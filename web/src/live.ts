import { useEffect, useState } from "preact/hooks";
import { get, type ProposalInfo, type Tally } from "./api";
import { problemOf } from "./hooks";
import type { Problem } from "./api";

interface StateEvent {
  id: string;
  state: string;
  deadline: string;
  eta: string | null;
  executedAt: string | null;
}

export interface LiveProposal {
  info: ProposalInfo | null;
  tally: Tally | null;
  problem: Problem | null;
  connected: boolean;
  reload: () => void;
}

/**
 * A proposal kept current by the Gateway's server-sent events: "tally" replaces the tally, "state" re-reads the
 * proposal (eta, execution, ballot-set hash come with it). EventSource reconnects by itself after a drop.
 */
export function useLiveProposal(id: string): LiveProposal {
  const [info, setInfo] = useState<ProposalInfo | null>(null);
  const [tally, setTally] = useState<Tally | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [connected, setConnected] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      get<ProposalInfo>(`/proposals/${id}`).then(
        (p) => {
          if (!live) return;
          setInfo(p);
          setProblem(null);
        },
        (e) => live && setProblem(problemOf(e)),
      );
    load();
    const events = new EventSource(`/proposals/${id}/events`);
    events.onopen = () => setConnected(true);
    events.onerror = () => setConnected(false);
    events.addEventListener("tally", (e) => setTally(JSON.parse((e as MessageEvent).data) as Tally));
    let lastState = "";
    events.addEventListener("state", (e) => {
      const s = JSON.parse((e as MessageEvent).data) as StateEvent;
      const key = `${s.state}|${s.eta}|${s.executedAt}|${s.deadline}`;
      if (key !== lastState) {
        lastState = key;
        load();
      }
    });
    return () => {
      live = false;
      events.close();
    };
  }, [id, tick]);
  return { info, tally: tally ?? info?.tally ?? null, problem, connected, reload: () => setTick((t) => t + 1) };
}
