import { describe, expect, it } from 'vitest';
import { checkNotices } from './notice-check.ts';

const read = (referenceIncomeEuros: number, genuine: boolean | null, incomeYear = 2019) => ({
  referenceIncomeEuros,
  partsHundredths: 100,
  incomeYear,
  genuine,
  reason: null,
});
const record = (
  documentIds: string[],
  taxIncomeEuros: number | null,
  spouse: number | null = null,
) => ({
  documentIds,
  taxIncomeEuros,
  spouseTaxIncomeEuros: spouse,
});
const doc = (
  id: string,
  kind: string,
  taxNotice: ReturnType<typeof read> | null,
  createdAt = '2021-03-01',
) => ({
  id,
  kind,
  createdAt,
  taxNotice,
});

describe('checkNotices', () => {
  it('says the worst of the Fiche’s notices: invalid, then different, then no code, then unread', () => {
    const status = (...docs: ReturnType<typeof doc>[]) =>
      checkNotices(
        record(
          docs.map((d) => d.id),
          30_000,
          18_000,
        ),
        docs,
        2019,
      ).status;
    expect(status()).toBe('none');
    expect(status(doc('a', 'payslip', null))).toBe('none');
    expect(status(doc('a', 'taxNotice', read(30_000, true)))).toBe('verifiedConcordant');
    expect(status(doc('a', 'taxNotice', read(30_000, null)))).toBe('unverified');
    expect(status(doc('a', 'taxNotice', null))).toBe('noCode');
    expect(status(doc('a', 'taxNotice', read(31_000, true)))).toBe('verifiedDifferent');
    expect(status(doc('a', 'taxNotice', read(30_000, true, 2020)))).toBe('verifiedDifferent');
    expect(
      status(doc('a', 'taxNotice', read(30_000, true)), doc('b', 'spouseTaxNotice', null)),
    ).toBe('noCode');
    expect(
      status(
        doc('a', 'taxNotice', read(31_000, true)),
        doc('b', 'spouseTaxNotice', read(1, false)),
      ),
    ).toBe('invalid');
  });

  it('compares the incomes alone for a year no barème covers (no year asked for)', () => {
    const documents = [doc('a', 'taxNotice', read(30_000, true, 2020))];
    expect(checkNotices(record(['a'], 30_000), documents, null).status).toBe('verifiedConcordant');
    expect(checkNotices(record(['a'], 31_000), documents, null).status).toBe('verifiedDifferent');
  });

  it('reads the newest notice of each kind that has a code, and only those attached to the Fiche', () => {
    const documents = [
      doc('old', 'taxNotice', read(30_000, true), '2021-01-01'),
      doc('new', 'taxNotice', read(31_000, true), '2021-02-01'),
      doc('blank', 'taxNotice', null, '2021-03-01'),
      doc('other', 'taxNotice', read(99_000, false), '2021-04-01'),
    ];
    const check = checkNotices(record(['old', 'new', 'blank'], 31_000), documents, 2019);
    expect(check.status).toBe('verifiedConcordant');
    expect(check.lines).toEqual([
      { field: 'taxIncomeEuros', typedEuros: 31_000, notice: read(31_000, true), concordant: true },
    ]);
  });

  it('takes the notice sent last in time, also in October’s repeated hour', () => {
    // 25 October 2020 in Paris: 02:40 summer time, then 02:10 winter time half an hour later.
    const documents = [
      doc('first', 'taxNotice', read(30_000, true), '2020-10-25 02:40:00.123456+02'),
      doc('then', 'taxNotice', read(31_000, true), '2020-10-25 02:10:00.5+01'),
    ];
    const check = checkNotices(record(['first', 'then'], 31_000), documents, 2019);
    expect(check.status).toBe('verifiedConcordant');
    expect(check.lines[0]?.notice).toEqual(read(31_000, true));
  });

  it('never passes on the declarants or tax numbers a staff view carries', () => {
    const staffView = { ...read(30_000, true), declarants: [{ name: 'X', taxNumber: '1' }] };
    const check = checkNotices(record(['a'], 30_000), [doc('a', 'taxNotice', staffView)], 2019);
    expect(check.lines[0]?.notice).toEqual(read(30_000, true));
  });
});
