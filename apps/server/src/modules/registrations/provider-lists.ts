import { formatIsoDate } from '@entraide/rules';
import { frenchCsv } from '../../csv.ts';
import type { Queryable } from '../../db/database.ts';
import { notFound, requireUuid } from '../../http.ts';
import { FormWriter } from '../forms/pdf-text.ts';
import type { Organization } from '../organization/organization.ts';

/** One line of a provider's list: a confirmed participant (or one on the waiting list). */
export interface ListLine {
  readonly number: number;
  readonly status: 'confirmed' | 'waiting';
  readonly participant: string;
  readonly birthDate: string;
  readonly parent: string;
  readonly email: string;
  readonly phone: string;
  readonly transport: string;
  readonly friend: string;
}

export interface ProviderList {
  readonly activity: string;
  readonly session: string;
  readonly provider: string;
  readonly dates: string;
  readonly lines: readonly ListLine[];
}

/** The participants of a session for its provider: confirmed first, then the waiting list. */
export async function providerList(db: Queryable, sessionId: string): Promise<ProviderList> {
  const [session] = await db.query<{
    title: string;
    label: string;
    provider: { name: string };
    first_day: string;
    last_day: string;
  }>(
    `SELECT a.title, s.label, a.provider, s.first_day::text AS first_day, s.last_day::text AS last_day
       FROM activity_sessions s JOIN activities a ON a.id = s.activity_id WHERE s.id = $1`,
    [requireUuid(sessionId)],
  );
  if (!session) throw notFound();
  const rows = await db.query<{
    number: string;
    status: 'confirmed' | 'waiting';
    participant: { firstName: string; lastName: string; birthDate: string };
    last_name: string;
    first_name: string;
    email: string;
    phone: string | null;
    choices: { sessionId: string; transportCity: string | null }[];
    friend: { firstName: string; lastName: string; birthDate: string } | null;
  }>(
    `SELECT r.number::text AS number, r.status, r.participant, u.last_name, u.first_name, u.email, u.phone, r.choices, r.friend
       FROM registration_requests r JOIN users u ON u.id = r.member_id
      WHERE r.placed_session_id = $1 AND r.status IN ('confirmed', 'waiting')
      ORDER BY r.status, r.priority, r.number`,
    [sessionId],
  );
  return {
    activity: session.title,
    session: session.label,
    provider: session.provider.name,
    dates: `du ${formatIsoDate(session.first_day)} au ${formatIsoDate(session.last_day)}`,
    lines: rows.map((r) => ({
      number: Number(r.number),
      status: r.status,
      participant: `${r.participant.lastName} ${r.participant.firstName}`,
      birthDate: formatIsoDate(r.participant.birthDate),
      parent: `${r.last_name} ${r.first_name}`,
      email: r.email,
      phone: r.phone ?? '',
      transport:
        r.choices.find((c) => c.sessionId === sessionId)?.transportCity ?? 'moyens propres',
      friend: r.friend
        ? `${r.friend.lastName} ${r.friend.firstName} (${formatIsoDate(r.friend.birthDate)})`
        : '',
    })),
  };
}

const HEADERS = [
  'N° demande',
  'Statut',
  'Participant',
  'Date de naissance',
  'Responsable',
  'Courriel',
  'Téléphone',
  'Transport',
  'Ami ou amie qui accompagne',
];
const STATUS = { confirmed: 'confirmé', waiting: 'liste d’attente' } as const;

/** The list as a French CSV. */
export function providerCsv(list: ProviderList): string {
  return frenchCsv([
    HEADERS,
    ...list.lines.map((l) => [
      String(l.number),
      STATUS[l.status],
      l.participant,
      l.birthDate,
      l.parent,
      l.email,
      l.phone,
      l.transport,
      l.friend,
    ]),
  ]);
}

export async function providerPdf(
  list: ProviderList,
  organization: Organization,
): Promise<Uint8Array> {
  const name = `Liste des participants — ${list.activity}, ${list.session}`;
  const form = await FormWriter.create(name, organization);
  form.documentTitle(name).paragraph(`Prestataire : ${list.provider}. Séjour ${list.dates}.`);
  for (const status of ['confirmed', 'waiting'] as const) {
    const lines = list.lines.filter((l) => l.status === status);
    form.heading(
      status === 'confirmed'
        ? `Participants (${lines.length})`
        : `Liste d’attente (${lines.length})`,
    );
    if (lines.length === 0) form.paragraph('Aucun.');
    else
      form.table(
        [
          { header: 'N°', width: 0.6 },
          { header: 'Participant', width: 1.8 },
          { header: 'Naissance', width: 1.1 },
          { header: 'Responsable', width: 2.6 },
          { header: 'Transport', width: 1.3 },
        ],
        lines.map((l) => [
          String(l.number),
          `${l.participant}${l.friend ? ` (avec ${l.friend})` : ''}`,
          l.birthDate,
          [l.parent, l.email, l.phone].filter(Boolean).join(', '),
          l.transport,
        ]),
      );
  }
  return form.save();
}
