import { useState, type ComponentProps } from 'react';
import { Checkbox, Field, SelectField } from '../../shared/form.tsx';
import { KIND_LABELS, PACK_SECTOR_LABELS } from '../../messages/labels.ts';
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
  /** The first child's stay (the member's when there is none), quoted on the case's day. */
  stay?: {
    participant: { relation: 'child' | 'member'; birthDate: string };
    activity: {
      sector: string;
      kind: string;
      capCategory: string | null;
      firstDay: string;
      lastDay: string;
      priceCents: number;
    };
  };
  /** Or a claim priced by a rule of its own. */
  claim?: { kind: string; paidCents: number; km: number; roundTrips: number };
  expect: { parts?: number; ratesBp?: Record<string, number>; subsidyCents?: number };
}

/** The cents of « 500 » or « 89,50 », or null. */
function centsOf(text: string): number | null {
  const euros = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  return /^\d{1,7}(\.\d{1,2})?$/.test(euros) ? Math.round(Number(euros) * 100) : null;
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
  /** What the case prices beside the household: nothing, a stay or a flat claim. */
  priced: '',
  sector: 'jeunesse',
  kind: 'caes',
  capCategory: '',
  firstDay: '',
  lastDay: '',
  price: '',
  claimKind: 'sportEvent',
  paid: '',
  km: '',
  roundTrips: '',
  subsidy: '',
};

type TextKey = Exclude<keyof typeof EMPTY, 'couple'>;

/**
 * A new test case written from a real situation (« la famille du guide p. 4 »): the household,
 * maybe a stay or a claim, and the parts, rate and subsidy its source gives. Saved with the draft, run on
 * every save.
 */
export function PackCaseForm({
  grids,
  capCategories,
  onAdd,
}: {
  readonly grids: readonly string[];
  /** The draft's cap categories, by id: their labels. */
  readonly capCategories: Readonly<Record<string, string>>;
  readonly onAdd: (testCase: NewCase) => Promise<void>;
}) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const grid = grids[0] ?? 'standard';
  const set = (key: TextKey) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  /** One text field of the form, its error beside it. */
  const field = (
    key: TextKey,
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
    const stay = form.priced === 'stay' ? stayOf(form, births[0] ?? null, found) : undefined;
    const claim = form.priced === 'claim' ? claimOf(form, found) : undefined;
    const subsidy =
      form.priced !== '' && form.subsidy.trim() !== '' ? centsOf(form.subsidy) : undefined;
    if (subsidy === null) found.subsidy = msg.montantFormat;
    if (parts === '' && rate === '' && subsidy === undefined) found.rate = msg.unChiffre;
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
      ...(stay ? { stay } : {}),
      ...(claim ? { claim } : {}),
      expect: {
        ...(parts === '' ? {} : { parts: Number(parts) }),
        ...(rate === '' ? {} : { ratesBp: { [grid]: Math.round(Number(rate) * 100) } }),
        ...(subsidy == null ? {} : { subsidyCents: subsidy }),
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
      <Checkbox
        label={msg.couple}
        checked={form.couple}
        onChange={(e) => setForm({ ...form, couple: e.currentTarget.checked })}
      />
      {field('children', msg.enfants, { hint: msg.enfantsAide })}
      {field('parts', msg.partsAttendues, { inputMode: 'decimal' })}
      {field('rate', msg.tauxAttendu(grid), { inputMode: 'decimal' })}
      <SelectField
        label={msg.avec}
        options={{ '': msg.foyerSeul, stay: msg.unSejour, claim: msg.uneDemande }}
        value={form.priced}
        onChange={set('priced')}
      />
      {form.priced === 'stay' ? (
        <>
          <p className="hint">{msg.sejourAide}</p>
          <SelectField
            label={msg.secteur}
            options={PACK_SECTOR_LABELS}
            value={form.sector}
            onChange={set('sector')}
          />
          <SelectField
            label={msg.organisateur}
            options={KIND_LABELS}
            value={form.kind}
            onChange={set('kind')}
          />
          <SelectField
            label={msg.typeSejour}
            options={{ '': msg.sansPlafond, ...capCategories }}
            value={form.capCategory}
            onChange={set('capCategory')}
          />
          {field('firstDay', msg.premierJour, { type: 'date' })}
          {field('lastDay', msg.dernierJour, { type: 'date' })}
          {field('price', msg.prix, { inputMode: 'decimal' })}
        </>
      ) : null}
      {form.priced === 'claim' ? (
        <>
          <SelectField
            label={msg.typeDemande}
            options={msg.demandes}
            value={form.claimKind}
            onChange={set('claimKind')}
          />
          {field('paid', msg.montantPaye, { inputMode: 'decimal' })}
          {form.claimKind === 'carKm'
            ? field('km', msg.kilometres, { inputMode: 'numeric' })
            : null}
          {form.claimKind === 'escortTrain'
            ? field('roundTrips', msg.allersRetours, { inputMode: 'numeric' })
            : null}
        </>
      ) : null}
      {form.priced === ''
        ? null
        : field('subsidy', msg.subventionAttendue, { inputMode: 'decimal' })}
      <button type="button" onClick={() => void add()}>
        {msg.ajouter}
      </button>
    </fieldset>
  );
}

/** The case's stay from the form, its faults added to `found`. */
function stayOf(
  form: typeof EMPTY,
  firstChild: string | null,
  found: Record<string, string>,
): NewCase['stay'] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.firstDay)) found.firstDay = msg.dateSejour;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.lastDay) || form.lastDay < form.firstDay)
    found.lastDay = msg.dernierJourFormat;
  const price = centsOf(form.price);
  if (price === null) found.price = msg.montantFormat;
  return {
    participant:
      firstChild === null
        ? { relation: 'member', birthDate: '1980-01-01' }
        : { relation: 'child', birthDate: firstChild },
    activity: {
      sector: form.sector,
      kind: form.kind,
      capCategory: form.capCategory === '' ? null : form.capCategory,
      firstDay: form.firstDay,
      lastDay: form.lastDay,
      priceCents: price ?? 0,
    },
  };
}

/** The case's flat claim from the form, its faults added to `found`. */
function claimOf(form: typeof EMPTY, found: Record<string, string>): NewCase['claim'] {
  const paid = centsOf(form.paid);
  if (paid === null) found.paid = msg.montantFormat;
  const whole = (key: 'km' | 'roundTrips', needed: boolean): number => {
    if (!needed) return 0;
    if (!/^\d{1,5}$/.test(form[key].trim())) found[key] = msg.nombreFormat;
    return Number(form[key].trim());
  };
  return {
    kind: form.claimKind,
    paidCents: paid ?? 0,
    km: whole('km', form.claimKind === 'carKm'),
    roundTrips: whole('roundTrips', form.claimKind === 'escortTrain'),
  };
}
