import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Problem } from "../api";
import { problemOf } from "../hooks";
import { ProblemNote } from "./ProblemNote";

/**
 * A form whose submit (usually) asks the wallet to sign and then posts: it shows "waiting for the wallet", the Gateway's
 * answer, or the problem document's detail with what to do.
 */
export function SignedForm(props: {
  label: string;
  submit: () => Promise<string>;
  children: ComponentChildren;
  testId?: string;
  busyLabel?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      class="signed-form"
      data-testid={props.testId}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setProblem(null);
        setDone(null);
        try {
          setDone(await props.submit());
        } catch (error) {
          setProblem(problemOf(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      {props.children}
      <button type="submit" disabled={busy}>
        {busy ? (props.busyLabel ?? "Waiting for the wallet and the Gateway…") : props.label}
      </button>
      <div aria-live="polite">
        {done && (
          <p class="ok" role="status">
            {done}
          </p>
        )}
      </div>
      <ProblemNote problem={problem} />
    </form>
  );
}
