import { useState } from "preact/hooks";
import { isAddress } from "viem";
import { post, type Action, type DaoInfo, type ProposalInfo } from "../api";
import { actionInWords } from "../format";
import { navigate, routes } from "../router";
import { SignedForm } from "../components/SignedForm";
import { signAction, unixNow } from "../wallet";

function parseActions(text: string): Action[] | string {
  try {
    const parsed = JSON.parse(text || "[]");
    return Array.isArray(parsed) ? parsed : "Actions must be a JSON array.";
  } catch (e) {
    return `Actions are not valid JSON: ${(e as Error).message}`;
  }
}

export function ProposeForm({ dao }: { dao: DaoInfo }) {
  const classes = dao.constitution.classes;
  const [cls, setCls] = useState(classes[0]?.name ?? "");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [actions, setActions] = useState("[]");
  const [choices, setChoices] = useState("Yes\nNo");
  const [pay, setPay] = useState({ asset: Object.keys(dao.treasury)[0] ?? "btk", to: "", amount: "" });
  const chosen = classes.find((c) => c.name === cls);
  const parsed = parseActions(actions);
  const addPayment = () => {
    if (typeof parsed === "string" || !isAddress(pay.to) || !/^\d+$/.test(pay.amount)) return;
    setActions(JSON.stringify([...parsed, { type: "treasuryTransfer", ...pay }]));
  };
  return (
    <SignedForm
      label="Sign and propose"
      testId="propose-form"
      submit={async () => {
        if (typeof parsed === "string") throw new Error(parsed);
        const common = { dao: dao.path, class: cls, title, description };
        const created = chosen?.countsChoices
          ? await post<ProposalInfo>(`/daos/${dao.path}/choice-proposals`, await signAction("ChoiceProposal", (proposer) => ({
              proposer, ...common,
              choices: JSON.stringify(choices.split("\n").map((l) => l.trim()).filter(Boolean).map((label) => ({ label, actions: [] }))),
              timestamp: unixNow(),
            })))
          : await post<ProposalInfo>(`/daos/${dao.path}/proposals`, await signAction("Proposal", (proposer) => ({
              proposer, ...common, actions: JSON.stringify(parsed), timestamp: unixNow(),
            })));
        navigate(routes.proposal(created.id));
        return `Proposal ${created.id} created.`;
      }}
    >
      <h3>New proposal</h3>
      <label for="p-class">Class</label>
      <select id="p-class" value={cls} onChange={(e) => setCls(e.currentTarget.value)}>
        {classes.map((c) => (
          <option key={c.name} value={c.name}>{c.name}</option>
        ))}
      </select>
      <label for="p-title">Title</label>
      <input id="p-title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <label for="p-description">Description (Markdown)</label>
      <textarea id="p-description" rows={5} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      {chosen?.countsChoices ? (
        <>
          <label for="p-choices">Choices, one per line</label>
          <textarea id="p-choices" rows={3} value={choices} onInput={(e) => setChoices(e.currentTarget.value)} />
        </>
      ) : (
        <>
          <fieldset>
            <legend>Add a treasury payment</legend>
            <label for="pay-asset">Asset</label>
            <input id="pay-asset" value={pay.asset} onInput={(e) => setPay({ ...pay, asset: e.currentTarget.value })} />
            <label for="pay-to">To (address)</label>
            <input id="pay-to" class="mono" value={pay.to} onInput={(e) => setPay({ ...pay, to: e.currentTarget.value })} />
            <label for="pay-amount">Amount</label>
            <input id="pay-amount" inputMode="numeric" value={pay.amount}
              onInput={(e) => setPay({ ...pay, amount: e.currentTarget.value })} />
            <button type="button" onClick={addPayment}>Add payment</button>
          </fieldset>
          <label for="p-actions">Actions (JSON array, signed verbatim)</label>
          <textarea id="p-actions" class="mono" rows={3} value={actions} onInput={(e) => setActions(e.currentTarget.value)} />
          {typeof parsed === "string" ? (
            <p class="error-inline">{parsed}</p>
          ) : (
            <ul class="actions-preview" aria-label="Actions in words">
              {parsed.length === 0 ? <li>No actions: a signal proposal.</li> : parsed.map((a, i) => <li key={i}>{actionInWords(a)}</li>)}
            </ul>
          )}
        </>
      )}
    </SignedForm>
  );
}
