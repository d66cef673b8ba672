import { useState } from "preact/hooks";
import { isAddress } from "viem";
import { post, type DaoInfo, type PersonhoodRecord } from "../api";
import { useGet } from "../hooks";
import { Link, routes } from "../router";
import { ProblemNote } from "../components/ProblemNote";
import { SignedForm } from "../components/SignedForm";
import { checksum, signAction, unixNow } from "../wallet";

/** An address and a grant/remove switch: the body of every role change the committee signs. */
function MemberFields(props: { id: string; label: string; value: string; set: (v: string) => void; on: boolean;
  setOn: (v: boolean) => void; onLabel: string }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input id={props.id} class="mono" required value={props.value} onInput={(e) => props.set(e.currentTarget.value.trim())} />
      <label class="check">
        <input type="checkbox" checked={props.on} onChange={(e) => props.setOn(e.currentTarget.checked)} /> {props.onLabel}
      </label>
    </>
  );
}

/** A committee member appoints or removes a moderator (signed ModeratorChange). */
export function ModeratorForm({ dao, onChanged }: { dao: DaoInfo; onChanged: () => void }) {
  const [moderator, setModerator] = useState("");
  const [granted, setGranted] = useState(true);
  return (
    <SignedForm
      label="Sign moderator change"
      testId="moderator-form"
      submit={async () => {
        const body = await signAction("ModeratorChange", (appointer) => ({
          appointer, dao: dao.path, moderator, granted, timestamp: unixNow(),
        }));
        await post<DaoInfo>(`/daos/${dao.path}/moderators`, body);
        onChanged();
        return `${checksum(moderator)} ${granted ? "appointed moderator" : "no longer a moderator"}.`;
      }}
    >
      <h3>Moderators (committee members)</h3>
      <MemberFields id="m-moderator" label="Moderator address" value={moderator} set={setModerator} on={granted}
        setOn={setGranted} onLabel="Appoint (unchecked: remove)" />
    </SignedForm>
  );
}

/** A committee member attests an address as a unique person, or revokes it (signed Attestation). */
export function AttestationForm({ dao }: { dao: DaoInfo }) {
  const [subject, setSubject] = useState("");
  const [attested, setAttested] = useState(true);
  const [record, setRecord] = useState<PersonhoodRecord | null>(null);
  return (
    <SignedForm
      label="Sign attestation"
      testId="attestation-form"
      submit={async () => {
        const body = await signAction("Attestation", (attester) => ({
          attester, dao: dao.path, subject, attested, timestamp: unixNow(),
        }));
        setRecord(await post<PersonhoodRecord>(`/daos/${dao.path}/personhood`, body));
        return `${checksum(subject)} ${attested ? "attested as a unique person" : "no longer attested"}.`;
      }}
    >
      <h3>Personhood (committee members)</h3>
      <MemberFields id="a-subject" label="Address" value={subject} set={setSubject} on={attested} setOn={setAttested}
        onLabel="Attest (unchecked: revoke)" />
      {record && <PersonhoodView record={record} />}
    </SignedForm>
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
