import { useState } from "preact/hooks";
import { keccak256, toBytes } from "viem";
import { post } from "../api";
import { SignedForm } from "../components/SignedForm";
import { grantPath, programPath, type GrantInfo, type GrantProgramInfo } from "../grants";
import { navigate, routes } from "../router";
import { signAction, unixNow } from "../wallet";

interface Row { description: string; sharePercent: string; due: string }

const day = 86_400;
const dateInput = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

/** Apply for a grant: title, amount, recipient and a milestone plan whose shares add up to 100 %. */
export function ApplyForm({ program, onDone }: { program: GrantProgramInfo; onDone: () => void }) {
  const t = program.terms;
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [amountText, setAmount] = useState("");
  const [recipient, setRecipient] = useState("");
  const [sdgs, setSdgs] = useState(t.sdgs.join(", "));
  const end = Math.min(t.endsAt, unixNow() + 60 * day);
  const [rows, setRows] = useState<Row[]>([{ description: "", sharePercent: "100", due: dateInput(end) }]);
  const set = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const total = rows.reduce((s, r) => s + Math.round(Number(r.sharePercent) * 100), 0);
  return (
    <SignedForm
      label="Sign and apply"
      testId="apply-form"
      submit={async () => {
        if (total !== 10_000) throw new Error(`Milestone shares add up to ${total / 100} %; they must add up to exactly 100 %.`);
        const milestones = rows.map((r) => ({
          description: r.description,
          shareBps: Math.round(Number(r.sharePercent) * 100),
          // The end of the chosen day, never after the program's end.
          due: Math.min(t.endsAt, Math.floor(Date.parse(r.due) / 1000) + day - 1),
        }));
        const body = await signAction("GrantApplication", (applicant) => ({
          applicant, dao: program.dao, program: program.number, title, description, amount: amountText,
          recipient: recipient || applicant, milestones: JSON.stringify(milestones),
          sdgs: sdgs.split(/[\s,]+/).filter(Boolean).map(Number), timestamp: unixNow(),
        }));
        const created = await post<GrantInfo>(`${programPath(program.dao, program.number)}/applications`, body);
        onDone();
        navigate(routes.grant(program.dao, program.number, created.number));
        return `Grant ${created.number} applied for.`;
      }}
    >
      <h3>Apply for a grant</h3>
      <label for="g-title">Title</label>
      <input id="g-title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <label for="g-description">Description</label>
      <textarea id="g-description" rows={4} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      <label for="g-amount">Amount ({t.asset}, base units; at most {t.maxGrant})</label>
      <input id="g-amount" required inputMode="numeric" pattern="[0-9]+" value={amountText}
        onInput={(e) => setAmount(e.currentTarget.value)} />
      <label for="g-recipient">Recipient (default: your address)</label>
      <input id="g-recipient" class="mono" placeholder="0x…" value={recipient} onInput={(e) => setRecipient(e.currentTarget.value)} />
      <label for="g-sdgs">SDG goals (1–17, comma separated)</label>
      <input id="g-sdgs" value={sdgs} onInput={(e) => setSdgs(e.currentTarget.value)} />
      <fieldset>
        <legend>Milestones (shares add up to 100 %; now {total / 100} %)</legend>
        {rows.map((r, i) => (
          <div key={i} class="row">
            <label for={`m-${i}-d`}>Milestone {i}</label>
            <input id={`m-${i}-d`} required value={r.description} onInput={(e) => set(i, { description: e.currentTarget.value })} />
            <label for={`m-${i}-s`}>Share %</label>
            <input id={`m-${i}-s`} required inputMode="decimal" value={r.sharePercent}
              onInput={(e) => set(i, { sharePercent: e.currentTarget.value })} />
            <label for={`m-${i}-due`}>Due</label>
            <input id={`m-${i}-due`} type="date" required value={r.due} onInput={(e) => set(i, { due: e.currentTarget.value })} />
          </div>
        ))}
        <button type="button" onClick={() => setRows([...rows, { description: "", sharePercent: "0", due: dateInput(end) }])}>
          Add a milestone
        </button>
      </fieldset>
    </SignedForm>
  );
}

/** A committee member's decision: approve or reject an application, or cancel an approved grant (claw it back). */
export function ReviewForm({ grant, onDone }: { grant: GrantInfo; onDone: () => void }) {
  const options = grant.status === "pending" ? ["approve", "reject"] : ["cancel"];
  const [decision, setDecision] = useState(options[0]);
  const [reason, setReason] = useState("");
  return (
    <SignedForm
      label="Sign the review"
      testId="review-form"
      submit={async () => {
        const body = await signAction("GrantReview", (reviewer) => ({
          reviewer, dao: grant.dao, program: grant.program, grant: grant.number, decision, reason, timestamp: unixNow(),
        }));
        const after = await post<GrantInfo>(`${grantPath(grant.dao, grant.program, grant.number)}/reviews`, body);
        onDone();
        return `Reviewed: the grant is ${after.status}.`;
      }}
    >
      <h3>Review (committee)</h3>
      <label for="r-decision">Decision</label>
      <select id="r-decision" value={decision} onChange={(e) => setDecision(e.currentTarget.value)}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
      <label for="r-reason">Reason</label>
      <input id="r-reason" maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
    </SignedForm>
  );
}

/** The grantee submits a milestone's evidence; committee members approve (pay) or reject a submitted one. */
export function MilestoneForms({ grant, onDone }: { grant: GrantInfo; onDone: () => void }) {
  const open = grant.milestones.filter((m) => m.status === "planned" || m.status === "rejected");
  const submitted = grant.milestones.filter((m) => m.status === "submitted");
  const [url, setUrl] = useState("");
  const [hash, setHash] = useState("");
  const [approved, setApproved] = useState("true");
  const [reason, setReason] = useState("");
  const base = grantPath(grant.dao, grant.program, grant.number);
  return (
    <>
      {open.length > 0 && (
        <SignedForm
          label="Sign and submit"
          testId="submit-milestone-form"
          submit={async () => {
            const k = open[0].index;
            const evidenceHash = hash || keccak256(toBytes(url));
            const body = await signAction("MilestoneSubmission", (grantee) => ({
              grantee, dao: grant.dao, program: grant.program, grant: grant.number, milestone: k, evidence: url, evidenceHash,
              timestamp: unixNow(),
            }));
            await post<GrantInfo>(`${base}/milestones/${k}`, body);
            onDone();
            return `Milestone ${k} submitted.`;
          }}
        >
          <h3>Submit milestone {open[0].index} (grantee)</h3>
          <label for="s-url">Evidence URL</label>
          <input id="s-url" required type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          <label for="s-hash">Evidence hash (0x + 64 hex; empty: keccak-256 of the URL)</label>
          <input id="s-hash" class="mono" pattern="0x[0-9a-fA-F]{64}" value={hash} onInput={(e) => setHash(e.currentTarget.value)} />
        </SignedForm>
      )}
      {submitted.length > 0 && (
        <SignedForm
          label="Sign the milestone review"
          testId="review-milestone-form"
          submit={async () => {
            const k = submitted[0].index;
            const body = await signAction("MilestoneReview", (reviewer) => ({
              reviewer, dao: grant.dao, program: grant.program, grant: grant.number, milestone: k, approved: approved === "true",
              reason, timestamp: unixNow(),
            }));
            const after = await post<GrantInfo>(`${base}/milestones/${k}/reviews`, body);
            onDone();
            return `Milestone ${k} is ${after.milestones[k].status}.`;
          }}
        >
          <h3>Review milestone {submitted[0].index} (committee)</h3>
          <label for="mr-decision">Decision</label>
          <select id="mr-decision" value={approved} onChange={(e) => setApproved(e.currentTarget.value)}>
            <option value="true">approve (pay the tranche)</option>
            <option value="false">reject (the grantee may submit again)</option>
          </select>
          <label for="mr-reason">Reason</label>
          <input id="mr-reason" maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </SignedForm>
      )}
    </>
  );
}
