import { useState } from "preact/hooks";
import { isAddress } from "viem";
import { post, type DaoInfo, type PersonhoodRecord } from "../api";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { ProblemNote } from "../components/ProblemNote";
import { SignedForm } from "../components/SignedForm";
import { checksum, signAction, unixNow } from "../wallet";

/**
 * One role change the DAO's members sign: an address and a grant / remove switch, sent as `type` to `/daos/{path}/{route}`
 * with the signer in `actor`, the address in `target` and the switch in `flag` (CommitteeChange, ModeratorChange,
 * Attestation all have this shape).
 */
function RoleChange<T>(props: {
  dao: DaoInfo; type: string; route: string; actor: string; target: string; flag: string; testId: string; title: string;
  label: string; onLabel: string; submitLabel: string; said: (address: string, on: boolean) => string; onDone: (answer: T) => void;
}) {
  const [address, setAddress] = useState("");
  const [on, setOn] = useState(true);
  const id = `${props.testId}-address`;
  return (
    <SignedForm
      label={props.submitLabel}
      testId={props.testId}
      submit={async () => {
        const body = await signAction(props.type, (signer) => ({
          [props.actor]: signer, dao: props.dao.path, [props.target]: address, [props.flag]: on, timestamp: unixNow(),
        }));
        props.onDone(await post<T>(`/daos/${props.dao.path}/${props.route}`, body));
        return props.said(checksum(address), on);
      }}
    >
      <h3>{props.title}</h3>
      <label for={id}>{props.label}</label>
      <input id={id} class="mono" required value={address} onInput={(e) => setAddress(e.currentTarget.value.trim())} />
      <label class="check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} /> {props.onLabel}
      </label>
    </SignedForm>
  );
}

/** A coordinator adds or removes a committee member (signed CommitteeChange). */
export const CommitteeForm = ({ dao, onChanged }: { dao: DaoInfo; onChanged: () => void }) => (
  <RoleChange<DaoInfo> dao={dao} type="CommitteeChange" route="committee" actor="coordinator" target="member" flag="granted"
    testId="committee-form" title="Committee (coordinators)" label="Member address" onLabel="Add (unchecked: remove)"
    submitLabel="Sign committee change" onDone={onChanged}
    said={(a, on) => `${a} ${on ? "added to" : "removed from"} the committee.`} />
);

/** A committee member appoints or removes a moderator (signed ModeratorChange). */
export const ModeratorForm = ({ dao, onChanged }: { dao: DaoInfo; onChanged: () => void }) => (
  <RoleChange<DaoInfo> dao={dao} type="ModeratorChange" route="moderators" actor="appointer" target="moderator" flag="granted"
    testId="moderator-form" title="Moderators (committee members)" label="Moderator address" onLabel="Appoint (unchecked: remove)"
    submitLabel="Sign moderator change" onDone={onChanged}
    said={(a, on) => `${a} ${on ? "appointed moderator" : "no longer a moderator"}.`} />
);

/** A committee member attests an address as a unique person, or revokes it (signed Attestation); shows the entry after. */
export function AttestationForm({ dao }: { dao: DaoInfo }) {
  const [record, setRecord] = useState<PersonhoodRecord | null>(null);
  return (
    <>
      <RoleChange<PersonhoodRecord> dao={dao} type="Attestation" route="personhood" actor="attester" target="subject"
        flag="attested" testId="attestation-form" title="Personhood (committee members)" label="Address"
        onLabel="Attest (unchecked: revoke)" submitLabel="Sign attestation" onDone={setRecord}
        said={(a, on) => `${a} ${on ? "attested as a unique person" : "no longer attested"}.`} />
      {record && <PersonhoodView record={record} />}
    </>
  );
}

function PersonhoodView({ record }: { record: PersonhoodRecord }) {
  const when = (s: number) => new Date(s * 1000).toLocaleString();
  return (
    <div data-testid="personhood-record" data-attested={String(record.attested)}>
      <p>
        <span class="mono">{checksum(record.address)}</span> is{" "}
        <strong>{record.attested ? "attested as a unique person" : "not attested"}</strong> in {record.dao}
        {record.attested && record.since !== null && <> since {when(record.since)}</>}.
      </p>
      {record.history.length > 0 && (
        <ol class="history" aria-label="Personhood history">
          {record.history.map((h, i) => (
            <li key={i}>
              {h.attested ? "Attested" : "Revoked"} {when(h.at)} by{" "}
              {h.attester ? <Link href={routes.voter(h.attester)}><span class="mono">{checksum(h.attester)}</span></Link>
                : h.proposal ? <Link href={routes.proposal(h.proposal)}>proposal {h.proposal}</Link> : "?"}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Anyone reads an address's entry in a DAO's personhood registry. */
export function PersonhoodLookup({ dao, address }: { dao: string; address?: string }) {
  const [typed, setTyped] = useState(address ?? "");
  const [asked, setAsked] = useState(address ?? "");
  const record = useGet<PersonhoodRecord>(dao && isAddress(asked) ? `/daos/${dao}/personhood/${asked.toLowerCase()}` : null);
  return (
    <section aria-labelledby="personhood-heading">
      <h2 id="personhood-heading">Personhood in {dao}</h2>
      {!address && (
        <form class="inline-form" data-testid="personhood-lookup" onSubmit={(e) => {
          e.preventDefault();
          setAsked(typed);
        }}>
          <label for="lookup-address">Look up an address</label>
          <input id="lookup-address" class="mono" value={typed} onInput={(e) => setTyped(e.currentTarget.value.trim())} />
          <button type="submit">Look up</button>
        </form>
      )}
      {asked && !isAddress(asked) && <p class="error-inline">{asked} is not an address.</p>}
      <ProblemNote problem={record.problem} />
      {record.data && <PersonhoodView record={record.data} />}
    </section>
  );
}
