import type { BulkAnswer } from '@entraide/contract';
import type { ReactNode } from 'react';
import { FormAlert } from './form.tsx';

/** The notice after a bulk action: what was done, then each row left and why. */
export const bulkNotice = (
  done: string,
  answer: BulkAnswer<unknown>,
  nameOf: (id: string) => string,
): string => [done, ...answer.skipped.map((s) => `${nameOf(s.id)} : ${s.message}`)].join(' ');

/**
 * A queue's action on the rows ticked: its heading, a refusal if any, how many rows are ticked
 * (announced), and the action's button — which confirms with a summary of each row.
 */
export function BulkSection({
  id,
  title,
  alert,
  status,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly alert: string | null;
  readonly status: string;
  readonly children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <FormAlert message={alert} />
      <p role="status">{status}</p>
      <div className="actions">{children}</div>
    </section>
  );
}
