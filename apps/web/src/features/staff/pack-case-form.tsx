import { useState, type ComponentProps } from 'react';
import { Field } from '../../shared/form.tsx';
import { packCaseForm as msg } from '../../messages/staff.ts';

/** A test case as the pack stores it (the figures the source gives, no more). */
export interface NewCase {
  name: string;
  source: string;
  date: string;
  household: {
    taxIncomeEuros: number;
    couple: boolean;
    children: { birthDate: string }[];
  };
  expect: { parts?: number; ratesBp?: Record<string, number> };
}

/** « 04/03/2012 » as 2012-03-04, or null when it is not such a date. */
function isoOf(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return null;
  const iso = `${match[3] ?? ''}-${(match[2] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const EMPTY = {
  name: '',
  source: '',
  date: '',
  income: '',
  couple: false,
  children: '',
  parts: '',
  rate: '',
};

/**
 * A new test case written from a real situation (« la famille du guide p. 4 »): the household,
 * and the parts and rate its source gives. Saved with the draft, run on every save.
 */
export function PackCaseForm({
  grids,
  onAdd,
}: {
  readonly grids: readonly string[];
  readonly onAdd: (testCase: NewCase) => Promise<void>;
}) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const grid = grids[0] ?? 'standard';
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  /** One text field of the form, its error beside it. */
  const field = (
    key: Exclude<keyof typeof EMPTY, 'couple'>,
    label: string,
    extra: Partial<ComponentProps<typeof Field>> = {},
  ) => <Field label={label} value={form[key]} error={errors[key]} onChange={set(key)} {...extra} />;
  const add = async () => {
    const found: Record<string, string> = {};
    if (form.name.trim() === '') found.name = msg.nomManquant;
    if (form.source.trim() === '') found.source = msg.sourceManquante;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) found.date = msg.dateManquante;
    if (!/^\d+$/.test(form.income.trim())) found.income = msg.revenuManquant;
    const children = form.children
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const births = children.map(isoOf);
    if (births.some((c) => c === null)) found.children = msg.enfantsFormat;
    const parts = form.parts.trim().replace(',', '.');
    if (parts !== '' && !/^\d+(\.\d+)?$/.test(parts)) found.parts = msg.partsFormat;
    const rate = form.rate.trim().replace(',', '.');
    if (rate !== '' && !/^\d+(\.\d{1,2})?$/.test(rate)) found.rate = msg.tauxFormat;
    if (parts === '' && rate === '') found.rate = msg.unChiffre;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await onAdd({
      name: form.name.trim(),
      source: form.source.trim(),
      date: form.date,
      household: {
        taxIncomeEuros: Number(form.income),
        couple: form.couple,
        children: births.map((birthDate) => ({ birthDate: birthDate ?? '' })),
      },
      expect: {
        ...(parts === '' ? {} : { parts: Number(parts) }),
        ...(rate === '' ? {} : { ratesBp: { [grid]: Math.round(Number(rate) * 100) } }),
      },
    });
    setForm(EMPTY);
  };
  return (
    <fieldset>
      <legend>{msg.nouveauCas}</legend>
      {field('name', msg.nom, { hint: msg.nomAide })}
      {field('source', msg.sourceCas, { hint: msg.sourceAide })}
      {field('date', msg.jour, { type: 'date' })}
      {field('income', msg.revenu, { inputMode: 'numeric' })}
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            checked={form.couple}
            onChange={(e) => setForm({ ...form, couple: e.target.checked })}
          />{' '}
          {msg.couple}
        </label>
      </div>
      {field('children', msg.enfants, { hint: msg.enfantsAide })}
      {field('parts', msg.partsAttendues, { inputMode: 'decimal' })}
      {field('rate', msg.tauxAttendu(grid), { inputMode: 'decimal' })}
      <button type="button" onClick={() => void add()}>
        {msg.ajouter}
      </button>
    </fieldset>
  );
}
