import { parseArgs, type ParseArgsConfig } from 'node:util';
import { RulesError } from './errors.ts';
import { formatCents, formatRate } from './explanation.ts';
import type { ChildInput, HouseholdInput } from './household.ts';
import { explainedSimulation, simulateHousehold } from './household-simulation.ts';
import { parseEurosToCents } from './money.ts';
import type { PackRegistry } from './pack.ts';
import {
  activityKinds,
  relations,
  sectors,
  type ActivityKind,
  type Relation,
  type Sector,
} from './pack-schema.ts';
import { runPackCases } from './pack-cases.ts';
import { simulationAnswer } from './simulation-answer.ts';
import { quoteStay } from './stay-quote.ts';

export const USAGE = `Utilisation : entraide-rules <commande> [options]

Commandes :
  packs                         liste les barèmes disponibles
  simulate                      parts, quotient familial, taux, plafond et aide au ski d'un foyer
  quote                         devis d'un séjour pour un participant
  test [--pack ID]              les cas de test de chaque barème (ou d'un seul) : chaque foyer
                                doit obtenir les chiffres que le barème attend

Foyer (simulate, quote) :
  --pack ID                     barème (ex. inserm-2021, cnrs-2019)
  --rfr EUROS                   revenu fiscal de référence, en euros entiers
  --spouse-rfr EUROS            CNRS : revenu fiscal du conjoint (ajouté si --couple)
  --couple                      vit en couple
  --child AAAA-MM-JJ[:shared][:disabled][:elsewhere]
                                un enfant (répéter l'option) ; shared = garde partagée,
                                disabled = handicap (incapacité ≥ 50 %), elsewhere = à la charge
                                fiscale de l'autre parent (CNRS : parent isolé)
  --member-disabled             l'agent a un handicap
  --spouse-disabled             le conjoint a un handicap
  --disabled-adults N           enfants de 26 ans et plus ou ascendants handicapés rattachés
  --date AAAA-MM-JJ             jour où les âges sont jugés (défaut : aujourd'hui)
  --json                        réponse JSON (celle de l'API publique pour simulate)

Séjour (quote) :
  --qf EUROS                    quotient familial (au lieu du foyer)
  --sector S                    ${sectors.join(', ')}
  --kind K                      ${activityKinds.join(', ')}
  --cap CATÉGORIE               catégorie de plafond du barème (ex. skiLanguageAbroad)
  --from AAAA-MM-JJ --to AAAA-MM-JJ   premier et dernier jour
  --price EUROS [--transport EUROS]   prix avant subvention, transport du prestataire
  --participant LIEN            ${relations.join(', ')} (défaut : child)
  --birth AAAA-MM-JJ            date de naissance du participant
  --participant-disabled        le participant a un handicap
  --with-child AAAA-MM-JJ       CNRS, parent isolé : un enfant inscrit à cette réservation
                                (répéter l'option) ; les parts sont celles de la réservation
  --request-date AAAA-MM-JJ     jour de la demande (défaut : aujourd'hui)
  --ceiling EUROS               plafond annuel du foyer (défaut : celui du foyer simulé)
  --ceiling-used EUROS          subventions déjà comptées dans le plafond cette année
  --youth-days-used N  --promo-days-used N  --vacation-days-used N
  --ski                         séjour de ski en hiver    --ski-aid   aide au ski demandée
  --last-ski-aid-year AAAA      année de la dernière aide au ski

Exemple :
  entraide-rules simulate --pack inserm-2021 --rfr 52000 --couple --child 2012-03-04
`;

const options = {
  pack: { type: 'string' },
  rfr: { type: 'string' },
  'spouse-rfr': { type: 'string' },
  couple: { type: 'boolean' },
  child: { type: 'string', multiple: true },
  'with-child': { type: 'string', multiple: true },
  'member-disabled': { type: 'boolean' },
  'spouse-disabled': { type: 'boolean' },
  'disabled-adults': { type: 'string' },
  date: { type: 'string' },
  json: { type: 'boolean' },
  qf: { type: 'string' },
  sector: { type: 'string' },
  kind: { type: 'string' },
  cap: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  price: { type: 'string' },
  transport: { type: 'string' },
  participant: { type: 'string' },
  birth: { type: 'string' },
  'participant-disabled': { type: 'boolean' },
  'request-date': { type: 'string' },
  ceiling: { type: 'string' },
  'ceiling-used': { type: 'string' },
  'youth-days-used': { type: 'string' },
  'promo-days-used': { type: 'string' },
  'vacation-days-used': { type: 'string' },
  ski: { type: 'boolean' },
  'ski-aid': { type: 'boolean' },
  'last-ski-aid-year': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];

/** A wrong flag or value: the usage is printed and the command exits non-zero. */
class UsageError extends Error {}

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const today = (): string => new Date().toISOString().slice(0, 10);

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '')
    throw new UsageError(`l'option --${name} est obligatoire`);
  return value;
}

function wholeNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,12}$/.test(text))
    throw new UsageError(`--${name} attend un nombre entier positif, pas « ${text} »`);
  return Number(text);
}

function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  const found = allowed.find((value) => value === text);
  if (!found) throw new UsageError(`--${name} : « ${text} » n'est pas parmi ${allowed.join(', ')}`);
  return found;
}

function parseChild(text: string): ChildInput {
  const [birthDate = '', ...flags] = text.split(':');
  for (const flag of flags)
    if (flag !== 'shared' && flag !== 'disabled' && flag !== 'elsewhere')
      throw new UsageError(`--child : option « ${flag} » inconnue (shared, disabled, elsewhere)`);
  return {
    birthDate,
    sharedCustody: flags.includes('shared'),
    disabled: flags.includes('disabled'),
    fiscallyDependent: !flags.includes('elsewhere'),
  };
}

function householdFrom(values: Values): HouseholdInput {
  return {
    taxIncomeEuros: wholeNumber(required(values, 'rfr'), 'rfr') ?? 0,
    spouseTaxIncomeEuros: wholeNumber(values['spouse-rfr'], 'spouse-rfr'),
    couple: values.couple ?? false,
    memberDisabled: values['member-disabled'] ?? false,
    spouseDisabled: values['spouse-disabled'] ?? false,
    children: (values.child ?? []).map(parseChild),
    disabledAdultDependants: wholeNumber(values['disabled-adults'], 'disabled-adults') ?? 0,
  };
}

function simulate(packs: PackRegistry, values: Values, io: CliOutput): void {
  const pack = packs.get(required(values, 'pack'));
  const result = explainedSimulation(pack, householdFrom(values), values.date ?? today());
  if (values.json) {
    io.out(JSON.stringify(simulationAnswer(result), null, 2));
    return;
  }
  io.out(`${pack.label}\n`);
  for (const item of result.explanation) io.out(`• ${item.text}`);
  io.out('\nEn résumé :');
  io.out(`  parts ${result.parts} · quotient familial ${formatCents(result.quotientCents)}`);
  for (const [grid, bp] of Object.entries(result.ratesBp)) io.out(`  ${grid} : ${formatRate(bp)}`);
  io.out(
    `  plafond annuel : ${result.annualCeilingCents === null ? `aucun (${result.annualCeilingReason ?? ''})` : formatCents(result.annualCeilingCents)}`,
  );
  io.out(
    `  aide au ski : ${result.skiAidCents === null ? `aucune (${result.skiAidReason ?? ''})` : formatCents(result.skiAidCents)}`,
  );
}

function quote(packs: PackRegistry, values: Values, io: CliOutput): void {
  const pack = packs.get(required(values, 'pack'));
  const firstDay = required(values, 'from');
  const kind = oneOf<ActivityKind>(required(values, 'kind'), activityKinds, 'kind');
  let quotientCents: number;
  let annualCeilingCents: number | null = null;
  let household: ReturnType<typeof simulateHousehold> | null = null;
  if (values.qf !== undefined) {
    quotientCents = parseEurosToCents(values.qf, 'qf');
  } else {
    household = simulateHousehold(pack, householdFrom(values), values.date ?? firstDay, {
      activityKind: kind,
      firstDay,
      registeredChildrenBirthDates: values['with-child'] ?? [],
    });
    quotientCents = household.quotientCents;
    annualCeilingCents = household.annualCeilingCents;
  }
  if (values.ceiling !== undefined)
    annualCeilingCents = parseEurosToCents(values.ceiling, 'ceiling');
  const result = quoteStay(pack, {
    quotientCents,
    annualCeilingCents,
    participant: {
      relation: oneOf<Relation>(values.participant ?? 'child', relations, 'participant'),
      birthDate: required(values, 'birth'),
      disabled: values['participant-disabled'] ?? false,
    },
    activity: {
      sector: oneOf<Sector>(required(values, 'sector'), sectors, 'sector'),
      kind,
      capCategory: values.cap ?? null,
      firstDay,
      lastDay: required(values, 'to'),
      priceCents: parseEurosToCents(required(values, 'price'), 'price'),
      transportCents:
        values.transport === undefined ? 0 : parseEurosToCents(values.transport, 'transport'),
      ski: values.ski ?? false,
    },
    requestDate: values['request-date'] ?? today(),
    used: {
      youthDays: wholeNumber(values['youth-days-used'], 'youth-days-used') ?? 0,
      promoDays: wholeNumber(values['promo-days-used'], 'promo-days-used') ?? 0,
      vacationDays: wholeNumber(values['vacation-days-used'], 'vacation-days-used') ?? 0,
      ceilingCents:
        values['ceiling-used'] === undefined
          ? 0
          : parseEurosToCents(values['ceiling-used'], 'ceiling-used'),
      lastSkiAidYear: wholeNumber(values['last-ski-aid-year'], 'last-ski-aid-year') ?? null,
      yearlyFeesPaid: [],
    },
    skiAidRequested: values['ski-aid'] ?? false,
  });
  if (values.json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(`${pack.label}\n`);
  for (const item of household?.explanation.filter((s) => s.step.startsWith('parts')) ?? [])
    io.out(`• ${item.text}`);
  for (const item of result.explanation) io.out(`• ${item.text}`);
  io.out('\nEn résumé :');
  if (household)
    io.out(
      `  parts ${household.parts} · quotient familial ${formatCents(household.quotientCents)}`,
    );
  io.out(
    `  subvention ${formatCents(result.subsidyCents)} · reste à payer ${formatCents(result.leftToPayCents)} · acompte ${formatCents(result.depositCents)}`,
  );
  if (result.feesCents > 0)
    io.out(
      `  frais ${formatCents(result.feesCents)} · total à payer ${formatCents(result.totalToPayCents)}`,
    );
  if (result.skiAidCents !== null)
    io.out(`  aide au ski après le retour : ${formatCents(result.skiAidCents)}`);
  for (const reason of result.reasons) io.out(`  ⚠ ${reason.text}`);
}

/** The French message of a usage error (ours or node's argument parser's), or null for any other error. */
function usageMessage(error: unknown): string | null {
  if (error instanceof UsageError) return error.message;
  if (!(error instanceof TypeError) || !('code' in error)) return null;
  const option = /'(-[^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `option inconnue : ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `valeur manquante ou inattendue pour l'option ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'argument inattendu';
    default:
      return null;
  }
}

/** Every case of every pack (or of one): 0 when all pass, 1 otherwise. */
function testPacks(packs: PackRegistry, only: string | undefined, io: CliOutput): number {
  const chosen = only === undefined ? packs.all() : [packs.get(only)];
  let failed = 0;
  let passed = 0;
  for (const pack of chosen) {
    const results = runPackCases(pack);
    if (results.length === 0) io.out(`${pack.id} : aucun cas de test`);
    for (const result of results) {
      if (result.differences.length === 0) {
        passed += 1;
        io.out(`ok      ${pack.id} — ${result.name} (${result.source})`);
        continue;
      }
      failed += 1;
      io.out(`ÉCHEC   ${pack.id} — ${result.name} (${result.source})`);
      for (const difference of result.differences) io.out(`          ${difference}`);
    }
  }
  io.out(`${passed} cas réussi${passed > 1 ? 's' : ''}, ${failed} en échec`);
  return failed === 0 ? 0 : 1;
}

/** Runs the command line; returns the exit code (0 ok, 1 refused by the rules, 2 wrong usage). */
export function runCli(argv: readonly string[], packs: PackRegistry, io: CliOutput): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...extra] = positionals;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (extra.length > 0) throw new UsageError(`argument inattendu : ${extra.join(' ')}`);
    switch (command) {
      case 'packs':
        for (const pack of packs.all()) io.out(`${pack.id}\t${pack.label}`);
        return 0;
      case 'simulate':
        simulate(packs, values, io);
        return 0;
      case 'quote':
        quote(packs, values, io);
        return 0;
      case 'test':
        return testPacks(packs, values.pack, io);
      case undefined:
        throw new UsageError('commande manquante');
      default:
        throw new UsageError(`commande inconnue : ${command}`);
    }
  } catch (error) {
    if (error instanceof RulesError) {
      io.err(`Erreur : ${error.message}`);
      for (const issue of error.issues) io.err(`  - ${issue.path} : ${issue.message}`);
      return 1;
    }
    const message = usageMessage(error);
    if (message === null) throw error;
    io.err(`Erreur : ${message}\n\n${USAGE}`);
    return 2;
  }
}
