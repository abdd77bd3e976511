// Registration requests go to the database in batches, before closing and after it (issue 15,
// point 5; decisions 0034 and 0035): each checked and answered as if it had been sent alone.
import type { RegistrationInput } from '@entraide/contract';
import type { Transaction } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { sessionUsers, signedIn, type SessionUser } from '../accounts/session-cookies.ts';
import { decisionMail, followUpDecisions } from './places.ts';
import {
  answered,
  checkNoDuplicate,
  checkRequest,
  createRegistration,
  requestValues,
  STORE_LATE_REQUEST_MAILED,
  STORE_REQUESTS,
  storedRecord,
  type Caller,
  type QuoteFigures,
  type Registration,
  type RegistrationRow,
  type StoredRequest,
} from './registration-requests.ts';
import { RequestBatches } from './request-batches.ts';
import { requestsFacts, type RequestFacts } from './request-facts.ts';

/** A request sent from a member's session, to be stored in a batch. */
export interface SentRequest {
  /** The hash of its session's token. */
  readonly session: string;
  /** The same session, for a request sent alone. */
  readonly caller: Caller;
  readonly input: RegistrationInput;
}

/** What became of a request of a batch: stored or refused; `null` (`RequestBatches`): sent on. */
type BatchOutcome = { readonly stored: StoredRequest } | { readonly refused: unknown };

/** The requests a batch stores: before their sessions' closing, or after it. */
type BatchKind = 'before closing' | 'after closing';

/** A request of a batch, checked, to be stored. */
interface Checked {
  /** Its place in the batch. */
  readonly i: number;
  readonly member: SessionUser;
  /** Its values as `STORED` lists them. */
  readonly values: readonly unknown[];
  readonly sessionIds: readonly string[];
}

/**
 * Stores a batch of requests in one transaction: the sessions' users, their rows locked in id
 * order (step 1 of the lock order, several households at once); the facts of every request; then
 * those of the batch's kind. A request is sent on (`null`) when it is of the other kind, when
 * its household already has one in the batch, when one of its sessions was cancelled meanwhile
 * (alone, it says which), or when the batch fails.
 */
async function storeBatch(
  ctx: AppContext,
  batch: readonly SentRequest[],
  closing: Map<string, string>,
  kind: BatchKind,
): Promise<(BatchOutcome | null)[]> {
  let outcomes: (BatchOutcome | null)[];
  try {
    outcomes = await ctx.db.transaction(async (tx) => {
      const outcomes: (BatchOutcome | null)[] = batch.map(() => null);
      const users = await sessionUsers(
        tx,
        [...new Set(batch.map((r) => r.session))],
        'lock member',
      );
      const households = new Set<string>();
      const asked: { i: number; member: SessionUser }[] = [];
      batch.forEach((request, i) => {
        try {
          const member = signedIn(users.get(request.session));
          if (households.has(member.id)) return;
          households.add(member.id);
          asked.push({ i, member });
        } catch (refused) {
          outcomes[i] = { refused };
        }
      });
      if (asked.length === 0) return outcomes;
      const facts = await requestsFacts(
        tx,
        asked.map(({ i, member }) => {
          const { input } = batch[i] as SentRequest;
          return {
            memberId: member.id,
            sessionIds: input.choices.map((c) => c.sessionId),
            exceptId: null,
            listedId: input.recordId ?? null,
          };
        }),
      );
      const checked: Checked[] = [];
      asked.forEach(({ i, member }, k) => {
        const { input } = batch[i] as SentRequest;
        try {
          const prepared = checkRequest(ctx, facts[k] as RequestFacts, member, input);
          for (const session of prepared.sessions) closing.set(session.id, session.closesOn);
          if (prepared.late !== (kind === 'after closing')) return;
          checkNoDuplicate(prepared);
          checked.push({
            i,
            member,
            values: [...requestValues(prepared, input), member.id, prepared.late],
            sessionIds: prepared.sessions.map((s) => s.id),
          });
        } catch (refused) {
          outcomes[i] = { refused };
        }
      });
      if (checked.length === 0) return outcomes;
      const rows =
        kind === 'before closing'
          ? await storeBeforeClosing(tx, checked)
          : await storeAfterClosing(ctx, tx, checked);
      checked.forEach(({ i, member }, k) => {
        const row = rows[k];
        // After closing only a place's follow-up is left: its invoice, once the sessions' locks
        // are released (a waiting list's or a refusal's mail is written by the batch).
        if (row) outcomes[i] = { stored: { row, followUpDue: row.status === 'confirmed', member } };
      });
      return outcomes;
    });
  } catch {
    return batch.map(() => null);
  }
  return followedUp(ctx, outcomes);
}

/**
 * The places a batch gave, followed up together once its commit released the sessions' locks:
 * their mails and invoices in one transaction (`followUpDecisions`), each answered with the
 * quotes its invoice wrote. Should that transaction fail, the decisions stand and each place's
 * request follows itself up, as alone (and logs a failure of its own).
 */
async function followedUp(
  ctx: AppContext,
  outcomes: (BatchOutcome | null)[],
): Promise<(BatchOutcome | null)[]> {
  const due = outcomes.flatMap((outcome) =>
    outcome && 'stored' in outcome && outcome.stored.followUpDue ? [outcome.stored] : [],
  );
  if (due.length === 0) return outcomes;
  const quotes = await followUpDecisions(
    ctx,
    due.map(({ row, member }) => ({ memberId: member.id, requestId: row.id })),
  ).catch(() => new Map<string, QuoteFigures[]>());
  return outcomes.map((outcome) => {
    if (!outcome || !('stored' in outcome)) return outcome;
    const placed = quotes.get(outcome.stored.row.id);
    const { row, member } = outcome.stored;
    return placed
      ? { stored: { row: { ...row, quotes: placed }, followUpDue: false, member } }
      : outcome;
  });
}

/** Stores requests before closing by one insert, sent with the COMMIT; their rows in their order. */
async function storeBeforeClosing(
  tx: Transaction,
  requests: readonly Checked[],
): Promise<(RegistrationRow | undefined)[]> {
  const rows = await tx.commitWith<RegistrationRow & { member_id: string }>(STORE_REQUESTS, [
    `[${requests.map((r) => storedRecord(r.values)).join(',')}]`,
  ]);
  const byMember = new Map(rows.map((row) => [row.member_id, row]));
  return requests.map((r) => byMember.get(r.member.id));
}

/**
 * Stores requests after closing one after the other, in their order of arrival: each insert
 * decides its request on the counts the previous one left on the session rows. Their sessions are
 * locked first, together in id order (step 3), unless every request chose among the first one's,
 * which its insert locks in that order. The mails of the waiting lists and refusals follow, in
 * one statement; a place's follow-up is left due, its invoice written after the commit.
 */
async function storeAfterClosing(
  ctx: AppContext,
  tx: Transaction,
  requests: readonly Checked[],
): Promise<(RegistrationRow | undefined)[]> {
  const sessionIds = [...new Set(requests.flatMap((r) => r.sessionIds))];
  if (sessionIds.length > (requests[0]?.sessionIds.length ?? 0))
    await tx.query(
      `SELECT FROM activity_sessions WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [sessionIds],
    );
  const rows: (RegistrationRow | undefined)[] = [];
  for (const { values } of requests)
    rows.push((await tx.query<RegistrationRow>(STORE_LATE_REQUEST_MAILED, values))[0]);
  const mails = requests.flatMap(({ member }, k) => {
    const row = rows[k];
    // A place's mail goes with its invoice; `decisionMail` gives none to a request undecided.
    if (!row || row.status === 'confirmed') return [];
    const mail = decisionMail(ctx, {
      ...row,
      decision: row.decision ?? { reasons: [] },
      email: member.email,
      first_name: member.firstName,
    });
    return mail ? [mail] : [];
  });
  await ctx.mailer.sendAll(tx, mails);
  return rows;
}

/**
 * This node's batches of registration requests: those before closing (decision 0034), those
 * after it (decision 0035). A request whose first choice is known to be closed (its closing day as a batch last
 * read it) goes to the batches after closing at once; one that a batch sends on goes to the
 * other kind's, then alone.
 */
export class RegistrationBatches {
  readonly #closing = new Map<string, string>();
  readonly #before: RequestBatches<SentRequest, BatchOutcome>;
  readonly #after: RequestBatches<SentRequest, BatchOutcome>;

  constructor(private readonly ctx: AppContext) {
    this.#before = new RequestBatches(
      (batch) => storeBatch(ctx, batch, this.#closing, 'before closing'),
      (request) =>
        (this.#closing.get(request.input.choices[0]?.sessionId ?? '') ?? '9999') < ctx.today(),
    );
    this.#after = new RequestBatches(
      (batch) => storeBatch(ctx, batch, this.#closing, 'after closing'),
      () => false,
    );
  }

  /** Requests waiting for a batch (for /metrics). */
  get waiting(): number {
    return this.#before.waiting + this.#after.waiting;
  }

  /** Sends a request from the member's session: in a batch, else alone. */
  async send(
    request: SentRequest,
    followUpFailed: (error: unknown) => void,
  ): Promise<Registration> {
    const outcome = (await this.#before.send(request)) ?? (await this.#after.send(request));
    if (outcome === null)
      return createRegistration(this.ctx, request.caller, request.input, followUpFailed);
    if ('refused' in outcome) throw outcome.refused;
    return answered(this.ctx, outcome.stored, followUpFailed);
  }
}
