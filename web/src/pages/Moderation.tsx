import { useState } from "preact/hooks";
import { zeroAddress } from "viem";
import { post, type ModerationAction, type Page, type ProposalInfo } from "../api";
import { instant } from "../format";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { ProblemNote } from "../components/ProblemNote";
import { SignedForm } from "../components/SignedForm";
import { checksum, signAction, unixNow } from "../wallet";

const recent = 200;

/**
 * The newest acts of a DAO's moderation history (the Gateway pages it oldest first: the count comes first, then the last
 * page), newest first; `tick` reloads them after an act.
 */
export function useRecentModeration(dao: string | null, tick: number) {
  const count = useGet<Page<ModerationAction>>(dao ? `/daos/${dao}/moderation?limit=1&t=${tick}` : null);
  const total = count.data?.total;
  const last = useGet<Page<ModerationAction>>(
    total === undefined ? null : `/daos/${dao}/moderation?offset=${Math.max(0, total - recent)}&limit=${recent}&t=${tick}`,
  );
  return { acts: [...(last.data?.items ?? [])].reverse(), problem: count.problem ?? last.problem };
}

/** Whether a moderator's latest act on the proposal itself hid it. */
export const proposalHidden = (acts: ModerationAction[], proposal: string) =>
  acts.find((a) => a.proposal === proposal && a.voter === null)?.hidden ?? false;

/** A moderator hides or restores the proposal, or one ballot's reason, in listings (signed Moderation). */
export function ModerationForm({ proposal, onChanged }: { proposal: ProposalInfo; onChanged: () => void }) {
  const [target, setTarget] = useState<"proposal" | "reason">("reason");
  const [voter, setVoter] = useState("");
  const [hidden, setHidden] = useState(true);
  const [reason, setReason] = useState("");
  return (
    <details class="moderate">
      <summary>Moderate (moderators of {proposal.dao})</summary>
      <SignedForm
        label="Sign moderation"
        testId="moderation-form"
        submit={async () => {
          const body = await signAction("Moderation", (moderator) => ({
            moderator, dao: proposal.dao, proposal: proposal.id, voter: target === "proposal" ? zeroAddress : voter,
            hidden, reason, timestamp: unixNow(),
          }));
          await post<ModerationAction>(`/daos/${proposal.dao}/moderation`, body);
          onChanged();
          const what = target === "proposal" ? "The proposal" : `${checksum(voter)}'s reason`;
          return `${what} is ${hidden ? "hidden from" : "restored to"} listings.`;
        }}
      >
        <fieldset>
          <legend>What</legend>
          <label class="check">
            <input type="radio" name="m-target" checked={target === "reason"} onChange={() => setTarget("reason")} /> A ballot's reason
          </label>
          <label class="check">
            <input type="radio" name="m-target" checked={target === "proposal"} onChange={() => setTarget("proposal")} /> The proposal
          </label>
        </fieldset>
        {target === "reason" && (
          <>
            <label for="m-voter">Voter whose reason it is</label>
            <input id="m-voter" class="mono" required value={voter} onInput={(e) => setVoter(e.currentTarget.value.trim())} />
          </>
        )}
        <label class="check">
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.currentTarget.checked)} /> Hide (unchecked: restore)
        </label>
        <label for="m-reason">Why (kept in the public history)</label>
        <input id="m-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </SignedForm>
    </details>
  );
}

/** Moderation acts, newest first: who, when, what and why (an appeal upheld by a proposal names the act it reverses). */
export function ModerationHistory({ acts, problem, showProposal }: {
  acts: ModerationAction[]; problem: ReturnType<typeof useRecentModeration>["problem"]; showProposal?: boolean;
}) {
  return (
    <section aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">Moderation history</h2>
      <ProblemNote problem={problem} />
      {acts.length === 0 ? (
        <p class="muted">No moderation.</p>
      ) : (
        <ol class="history" data-testid="moderation-history">
          {acts.map((a) => (
            <li key={a.seq}>
              #{a.seq} {instant(a.at)}: {a.hidden ? "hid" : "restored"}{" "}
              {a.voter ? <>the reason of <span class="mono">{checksum(a.voter)}</span></> : "the proposal"}
              {showProposal && <> on <Link href={routes.proposal(a.proposal)}>{a.proposal}</Link></>}
              {a.reverses != null && <> (appeal upheld, reverses #{a.reverses})</>} — by{" "}
              {a.moderator.startsWith("0x")
                ? <Link href={routes.voter(a.moderator)}><span class="mono">{checksum(a.moderator)}</span></Link>
                : a.moderator}: “{a.reason}”
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
