import { z } from 'zod';
import { taxNoticeSummary, type DocumentSummary } from './household.ts';

/**
 * What a Fiche Agent's tax notices say of its typed incomes, worst first: a code whose signature
 * fails, a verified notice that says otherwise (or is of another year), a notice without a
 * readable code, a notice read but not verified (no trust list), verified and concordant; or no
 * notice attached.
 */
export const noticeCheckStatuses = [
  'invalid',
  'verifiedDifferent',
  'noCode',
  'unverified',
  'verifiedConcordant',
  'none',
] as const;
export type NoticeCheckStatus = (typeof noticeCheckStatuses)[number];

/** Each typed income and the notice that proves it: the member's own, the spouse's (CNRS). */
export const NOTICE_KINDS = {
  taxIncomeEuros: 'taxNotice',
  spouseTaxIncomeEuros: 'spouseTaxNotice',
} as const;
type IncomeField = keyof typeof NOTICE_KINDS;

export const noticeCheck = z.object({
  status: z.enum(noticeCheckStatuses),
  /**
   * The income year the pack asks for (Inserm: N-2; CNRS: the pack's stated year); null for a
   * year no pack covers, when only the incomes are compared.
   */
  incomeYear: z.number().int().nullable(),
  /** Typed and read side by side, one line per income with a notice attached. */
  lines: z.array(
    z.object({
      field: z.enum(['taxIncomeEuros', 'spouseTaxIncomeEuros']),
      typedEuros: z.number().int().nullable(),
      /** What the notice's code says; null when no code could be read from it. */
      notice: taxNoticeSummary.nullable(),
      /** Same income, same year. */
      concordant: z.boolean(),
    }),
  ),
});
export type NoticeCheck = z.infer<typeof noticeCheck>;

type Line = NoticeCheck['lines'][number];

const statusOf = (lines: readonly Line[]): NoticeCheckStatus =>
  lines.length === 0
    ? 'none'
    : lines.some((l) => l.notice?.genuine === false)
      ? 'invalid'
      : lines.some((l) => l.notice?.genuine === true && !l.concordant)
        ? 'verifiedDifferent'
        : lines.some((l) => l.notice === null)
          ? 'noCode'
          : lines.some((l) => l.notice?.genuine === null)
            ? 'unverified'
            : 'verifiedConcordant';

/**
 * A time as the database writes it (« 2021-10-31 02:10:00.123456+01 », or a day alone; UTC
 * without an offset), in milliseconds: its text is not in time order within October's repeated
 * hour (decision 0038).
 */
const instant = (text: string): number => {
  const [, day, time = '00:00:00', fraction = '', hours = '+00', minutes = '00'] =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?\d*(?:([+-]\d{2}):?(\d{2})?)?)?/.exec(
      text,
    ) ?? [];
  return day ? Date.parse(`${day}T${time}${fraction}${hours}:${minutes}`) : 0;
};

/**
 * A Fiche's typed incomes against its attached notices (the newest of each kind that was read),
 * for the member as they type and for the staff's queue. Shared by the server and the pages.
 */
export function checkNotices(
  record: {
    readonly documentIds: readonly string[];
    readonly taxIncomeEuros: number | null;
    readonly spouseTaxIncomeEuros: number | null;
  },
  documents: readonly Pick<DocumentSummary, 'id' | 'kind' | 'createdAt' | 'taxNotice'>[],
  incomeYear: number | null,
): NoticeCheck {
  const attached = documents
    .filter((d) => record.documentIds.includes(d.id))
    .toSorted((a, b) => instant(b.createdAt) - instant(a.createdAt));
  const lines = (Object.keys(NOTICE_KINDS) as IncomeField[]).flatMap((field): Line[] => {
    const ofKind = attached.filter((d) => d.kind === NOTICE_KINDS[field]);
    if (ofKind.length === 0) return [];
    const read = ofKind.find((d) => d.taxNotice !== null)?.taxNotice ?? null;
    const notice = read && taxNoticeSummary.parse(read);
    const typedEuros = record[field];
    const concordant =
      notice !== null &&
      (incomeYear === null || notice.incomeYear === incomeYear) &&
      notice.referenceIncomeEuros === typedEuros;
    return [{ field, typedEuros, notice, concordant }];
  });
  return { status: statusOf(lines), incomeYear, lines };
}
