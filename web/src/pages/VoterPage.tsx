import { useState } from "preact/hooks";
import { isAddress, zeroAddress } from "viem";
import { post, type VoterInfo } from "../api";
import { amount, instant } from "../format";
import { useGet, useWallet } from "../hooks";
import { Link, routes } from "../router";
import { ProblemNote } from "../components/ProblemNote";
import { VoterBallots } from "./VoterBallots";
import { PersonhoodLookup } from "./RoleForms";
import { SignedForm } from "../components/SignedForm";
import { checksum, signAction, unixNow } from "../wallet";

interface Participation {
  ballots: number;
  proposalsPassed: number;
  moderationsUpheld: number;
  totalPoints: number;
  reputation: string;
  reputationAt: string;
  at: number;
  epochs: { epoch: number; points: number }[];
  rewards: { epoch: number; asset: string; amount: string; transaction?: string | null }[];
  badges: { id: string; name?: string; awardedAt?: string }[];
}

function DelegateForm({ address, token, onChanged }: { address: string; token: string; onChanged: () => void }) {
  const [delegatee, setDelegatee] = useState(address);
  const send = (to: string) => async () => {
    const body = await signAction("Delegation", (delegator) => ({ delegator, delegatee: to, token, timestamp: unixNow() }));
    await post<VoterInfo>(`/voters/${address}/delegate`, body);
    onChanged();
    return to === zeroAddress ? `Undelegated ${token}.` : `Delegated ${token} to ${checksum(to)}.`;
  };
  return (
    <>
      <SignedForm label="Sign delegation" testId="delegate-form" submit={send(delegatee)}>
        <h3>Delegate your {token} votes</h3>
        <label for="delegatee">Delegate to (your own address to vote yourself)</label>
        <input id="delegatee" class="mono" required value={delegatee} onInput={(e) => setDelegatee(e.currentTarget.value)} />
      </SignedForm>
      <SignedForm label="Sign undelegation" testId="undelegate-form" submit={send(zeroAddress)}>
        <p>Undelegating removes your votes from your delegate from now on; proposals already past their snapshot keep them.</p>
      </SignedForm>
    </>
  );
}

export function VoterPage({ address }: { address: string }) {
  const wallet = useWallet();
  const [token, setToken] = useState("btk");
  const [at, setAt] = useState("");
  const [dao, setDao] = useState("blocktrack");
  const valid = isAddress(address, { strict: false });
  const voter = useGet<VoterInfo>(valid ? `/voters/${address}?token=${encodeURIComponent(token)}` : null);
  const votesAt = useGet<{ votes: string; at: number }>(
    valid && at ? `/voters/${address}/votes?token=${encodeURIComponent(token)}&at=${Math.floor(new Date(at).getTime() / 1000)}` : null,
  );
  const participation = useGet<Participation>(valid && dao ? `/voters/${address}/participation?dao=${dao}` : null);
  if (!valid) return <p class="problem" role="alert">{address} is not an address.</p>;
  const mine = wallet.address?.toLowerCase() === address.toLowerCase();
  const v = voter.data;
  const p = participation.data;
  return (
    <article>
      <h1>Voter <span class="mono break">{checksum(address)}</span></h1>
      <div class="inline-form">
        <label for="voter-token">Token</label>
        <input id="voter-token" value={token} onChange={(e) => setToken(e.currentTarget.value)} />
        <label for="voter-at">Votes at</label>
        <input id="voter-at" type="datetime-local" value={at} onChange={(e) => setAt(e.currentTarget.value)} />
      </div>
      <ProblemNote problem={voter.problem} />
      {v && (
        <dl class="facts" data-testid="voter">
          <dt>Balance</dt>
          <dd>{amount(v.balance)} {v.token}</dd>
          <dt>Votes now</dt>
          <dd data-testid="votes">{amount(v.votes)}</dd>
          <dt>Delegates to</dt>
          <dd data-testid="delegate">
            {v.delegate
              ? <Link href={routes.voter(v.delegate)}><span class="mono">{checksum(v.delegate)}</span></Link>
              : "nobody (votes count once delegated)"}
          </dd>
          {at && (
            <>
              <dt>Votes at {at}</dt>
              <dd>{votesAt.data ? amount(votesAt.data.votes) : votesAt.problem?.detail ?? "…"}</dd>
            </>
          )}
        </dl>
      )}
      {mine && <DelegateForm address={address} token={token} onChanged={voter.reload} />}
      {!mine && wallet.address && <p class="muted">Connect this address's wallet to delegate its votes.</p>}
      <section aria-labelledby="participation-heading">
        <h2 id="participation-heading">Participation</h2>
        <div class="inline-form">
          <label for="voter-dao">In DAO</label>
          <input id="voter-dao" value={dao} onChange={(e) => setDao(e.currentTarget.value.trim())} />
        </div>
        <ProblemNote problem={participation.problem} />
        {p && (
          <dl class="facts">
            <dt>Ballots counted</dt><dd>{p.ballots}</dd>
            <dt>Proposals passed</dt><dd>{p.proposalsPassed}</dd>
            <dt>Points</dt><dd>{p.totalPoints} over {p.epochs.length} epochs</dd>
            <dt>Reputation</dt><dd>{amount(p.reputation)}</dd>
            <dt>Rewards</dt>
            <dd>{p.rewards.length ? p.rewards.map((r) => `${amount(r.amount)} ${r.asset} (epoch ${r.epoch})`).join(", ") : "none yet"}</dd>
            <dt>Badges</dt>
            <dd>
              {p.badges.length
                ? p.badges.map((b) => `${b.name ?? b.id}${b.awardedAt ? ` (${instant(b.awardedAt)})` : ""}`).join(", ")
                : "none yet"}
            </dd>
          </dl>
        )}
      </section>
      <VoterBallots address={address.toLowerCase()} dao={dao} />
      <PersonhoodLookup dao={dao} address={address} />
    </article>
  );
}
