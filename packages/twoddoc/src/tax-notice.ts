import { TwoDDocError } from './header.ts';
import type { TwoDDoc } from './message.ts';

/** An avis d'impôt sur les revenus (2D-DOC types 04 and 28), as the Fiche Agent needs it. */
export interface TaxNotice {
  readonly documentType: '04' | '28';
  /** Hundredths of a part: 2,75 parts → 275. */
  readonly partsHundredths: number;
  /** Revenu fiscal de référence, in euros; null when the code does not carry it. */
  readonly referenceIncomeEuros: number | null;
  readonly incomeYear: number;
  readonly noticeReference: string;
  readonly declarant1: { readonly name: string; readonly taxNumber: string | null };
  readonly declarant2: { readonly name: string; readonly taxNumber: string | null } | null;
  /** Date de mise en recouvrement (ISO); null when absent. */
  readonly collectionOn: string | null;
  readonly address: string | null;
  /** Identifiers this module does not know, with their raw values: shown, never interpreted. */
  readonly unknown: Readonly<Record<string, string>>;
}

const TAX_NOTICE_TYPES = new Set(['04', '28']);

const required = (fields: ReadonlyMap<string, string>, id: string, label: string): string => {
  const value = fields.get(id)?.trim();
  if (!value) throw new TwoDDocError(`${label} (${id}) manque dans le code`);
  return value;
};

/** "31072022" → "2022-07-31". */
const dayMonthYear = (value: string | undefined): string | null =>
  value && /^\d{8}$/.test(value)
    ? `${value.slice(4)}-${value.slice(2, 4)}-${value.slice(0, 2)}`
    : null;

/** The tax notice a 2D-DOC carries; any other document type is refused, named. */
export function taxNotice(doc: TwoDDoc): TaxNotice {
  const type = doc.header.documentType;
  if (!TAX_NOTICE_TYPES.has(type))
    throw new TwoDDocError(
      `document de type ${type} : ce n’est pas un avis d’impôt sur les revenus`,
    );
  const fields = new Map(doc.fields.map((f) => [f.id, f.value]));
  const parts = required(fields, '43', 'Nombre de parts');
  if (!/^\d{1,2}(,\d{1,2})?$/.test(parts))
    throw new TwoDDocError(`Nombre de parts (43) illisible : ${parts}`);
  const [units = '0', decimals = ''] = parts.split(',');
  const income = fields.get('41');
  if (income !== undefined && !/^\d{1,12}$/.test(income))
    throw new TwoDDocError(`Revenu fiscal de référence (41) illisible : ${income}`);
  const year = required(fields, '45', 'Année des revenus');
  const second = fields.get('48')?.trim();
  return {
    documentType: type as '04' | '28',
    partsHundredths: Number(units) * 100 + Number(decimals.padEnd(2, '0')),
    referenceIncomeEuros: income === undefined ? null : Number(income),
    incomeYear: Number(year),
    noticeReference: required(fields, '44', 'Référence d’avis d’impôt'),
    declarant1: {
      name: required(fields, '46', 'Déclarant 1'),
      taxNumber: fields.get('47') ?? null,
    },
    declarant2: second ? { name: second, taxNumber: fields.get('49') ?? null } : null,
    collectionOn: dayMonthYear(fields.get('4A')),
    address: fields.get('4Y') ?? null,
    unknown: Object.fromEntries(
      doc.fields.filter((f) => f.label === null).map((f) => [f.id, f.value]),
    ),
  };
}
