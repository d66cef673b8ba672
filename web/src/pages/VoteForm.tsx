import { useEffect, useState } from "preact/hooks";
import { get, post, type ProposalInfo } from "../api";
import { amount } from "../format";
import { useWallet } from "../hooks";
import { SignedForm } from "../components/SignedForm";
import { signAction, unixNow } from "../wallet";

interface Power {
  power: string;
  weight: string;
  snapshot: number;
}

function PowerAtSnapshot({ proposal, address }: { proposal: ProposalInfo; address: string }) {
  const [text, setText] = useState("…");
  useEffect(() => {
    get<Power>(`/proposals/${proposal.id}/power/${address}`).then(
      (p) => setText(`${amount(p.weight)}${p.weight !== p.power ? ` (power ${amount(p.power)})` : ""}`),
      (e) => setText(e?.problem?.detail ?? "unknown"),
    );
  }, [proposal.id, address, proposal.state]);
  return (
    <p data-testid="power">
      Your voting weight at the snapshot: <strong>{text}</strong>
    </p>
  );
}

const basicChoices: [number, string][] = [[1, "For"], [0, "Against"], [2, "Abstain"]];

export function VoteForm({ proposal }: { proposal: ProposalInfo }) {
  const wallet = useWallet();
  const [support, setSupport] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [picks, setPicks] = useState<number[]>(proposal.choices.map(() => 0));
  if (proposal.state !== "active") return null;
  const counting = proposal.class.counting;
  const choiceClass = proposal.class.countsChoices || counting !== "basic";
  return (
    <section aria-labelledby="vote-heading">
      <h2 id="vote-heading">Vote</h2>
      {wallet.address && <PowerAtSnapshot proposal={proposal} address={wallet.address} />}
      <SignedForm
        label="Sign and vote"
        testId="vote-form"
        submit={async () => {
          if (!choiceClass) {
            if (support === null) throw new Error("Choose For, Against or Abstain.");
            const body = await signAction("Ballot", (voter) => ({
              voter, proposal: proposal.id, support, reason, timestamp: unixNow(),
            }));
            const receipt = await post<{ weight: string }>(`/proposals/${proposal.id}/ballots`, body);
            return `Ballot counted with weight ${amount(receipt.weight)}.`;
          }
          const { choices, weights } = choiceBallot(counting, picks);
          const body = await signAction("ChoiceBallot", (voter) => ({
            voter, proposal: proposal.id, choices, weights, reason, timestamp: unixNow(),
          }));
          const receipt = await post<{ weight: string }>(`/proposals/${proposal.id}/choice-ballots`, body);
          return `Ballot counted with weight ${amount(receipt.weight)}.`;
        }}
      >
        {!choiceClass ? (
          <fieldset>
            <legend>Your vote</legend>
            {basicChoices.map(([value, label]) => (
              <label class="check" key={value}>
                <input type="radio" name="support" value={value} checked={support === value} onChange={() => setSupport(value)} />{" "}
                {label}
              </label>
            ))}
          </fieldset>
        ) : (
          <fieldset>
            <legend>{choiceLegend(counting)}</legend>
            {proposal.choices.map((c, i) => (
              <label class="check" key={c.label}>
                {counting === "singleChoice" || counting === "approval" ? (
                  <input
                    type={counting === "singleChoice" ? "radio" : "checkbox"}
                    name="choice"
                    checked={picks[i] > 0}
                    onChange={(e) =>
                      setPicks(picks.map((p, j) => (j === i ? (e.currentTarget.checked ? 1 : 0) : counting === "singleChoice" ? 0 : p)))
                    }
                  />
                ) : (
                  <input type="number" min={0} class="small" value={picks[i]}
                    onInput={(e) => setPicks(picks.map((p, j) => (j === i ? Number(e.currentTarget.value) : p)))} />
                )}{" "}
                {c.label}
              </label>
            ))}
          </fieldset>
        )}
        <label for="vote-reason">Reason (optional, public)</label>
        <textarea id="vote-reason" rows={2} maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </SignedForm>
    </section>
  );
}

function choiceLegend(counting: string) {
  switch (counting) {
    case "singleChoice": return "Pick one";
    case "approval": return "Approve any";
    case "rankedChoice": return "Rank every choice (1 = best)";
    default: return "Weight the choices";
  }
}

/** The ChoiceBallot fields for a counting type, choices numbered from 1 as Snapshot numbers them. */
export function choiceBallot(counting: string, picks: number[]): { choices: number[]; weights: number[] } {
  const numbered = picks.map((v, i) => [i + 1, v] as const);
  switch (counting) {
    case "singleChoice":
    case "approval":
      return { choices: numbered.filter(([, v]) => v > 0).map(([c]) => c), weights: [] };
    case "rankedChoice":
      return { choices: [...numbered].sort((a, b) => a[1] - b[1]).map(([c]) => c), weights: [] };
    default: {
      const chosen = numbered.filter(([, v]) => v > 0);
      return { choices: chosen.map(([c]) => c), weights: chosen.map(([, v]) => v) };
    }
  }
}
