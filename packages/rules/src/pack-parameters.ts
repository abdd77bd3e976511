// Every parameter of a pack as a field a committee can read (issue 17, points 1 and 5): its path,
// its name in French, its unit, its value and its source note. The studio edits these fields and
// the public page lists them; both read this one table.

export type ParameterUnit =
  '%' | 'points' | '€' | 'parts' | 'jours' | 'nuits' | 'ans' | 'fois' | '';

export interface PackParameter {
  /** Dotted path in the pack's data: `grids.standard.formula.intercept`. */
  readonly path: string;
  /** The section it belongs to, as the brochure would title it. */
  readonly section: string;
  readonly label: string;
  readonly unit: ParameterUnit;
  /** What the field holds: a decimal written as text, a whole number, a yes/no, a list, a text. */
  readonly kind: 'decimal' | 'integer' | 'boolean' | 'list' | 'text';
  readonly value: string | number | boolean | readonly string[];
  readonly source: string | null;
}

/** What a path's first segment is called. */
const SECTIONS: Record<string, string> = {
  label: 'Généralités',
  income: 'Généralités',
  rounding: 'Arrondis',
  parts: 'Parts du quotient familial',
  grids: 'Taux de subvention',
  gridRules: 'Quelle grille pour quelle activité',
  annualCeiling: 'Plafond annuel',
  skiAid: 'Aide au ski',
  sectors: 'Secteurs et jours subventionnés',
  promo: 'Séjours promotionnels',
  minimumNights: 'Séjours',
  capCategories: 'Plafonds du prix subventionné',
  restrictedRelations: 'Personnes à droits restreints',
  deposit: 'Acompte',
  claimsWithinMonths: 'Demandes après coup',
  unpaidWithdrawal: 'Soldes impayés',
  fees: 'Frais',
  instalments: 'Paiement en plusieurs fois',
  cancellation: 'Annulation',
  modification: 'Modification',
  ownTransport: 'Transport par ses propres moyens',
  abroadStay: 'Séjour à l’étranger',
  flatClaims: 'Aides forfaitaires',
};

/** Labels by path pattern (`*` stands for one segment), the most precise first. */
const LABELS: readonly [RegExp, string, ParameterUnit][] = [
  [/^skiAid\.formula\.(min|max)$/, 'Aide {1:minimale|maximale} par séjour', '€'],
  [/^skiAid\.formula\.intercept$/, 'Constante de la formule (aide en €)', '€'],
  [/^skiAid\.formula\.slope$/, 'Baisse de l’aide par tranche de QF', '€'],
  [/formula\.intercept$/, 'Constante de la formule du taux', '%'],
  [/formula\.slope$/, 'Baisse du taux par tranche de QF', 'points'],
  [/formula\.per$/, 'Tranche de QF de la pente', '€'],
  [/formula\.min$/, 'Taux minimal (plancher)', '%'],
  [/formula\.max$/, 'Taux maximal', '%'],
  [/^grids\.[^.]+\.label$/, 'Nom de la grille', ''],
  [/^grids\.[^.]+\.base$/, 'Grille de base', ''],
  [/^grids\.[^.]+\.plus$/, 'Points ajoutés au taux de base', 'points'],
  [/statedThresholds\.atMaxEuros$/, 'QF annoncé jusqu’auquel le taux est maximal', '€'],
  [/statedThresholds\.atMinEuros$/, 'QF annoncé à partir duquel le taux est minimal', '€'],
  [/^parts\.single$/, 'Personne seule', 'parts'],
  [/^parts\.coupleWithoutChild$/, 'Couple sans enfant', 'parts'],
  [/^parts\.coupleWithChild$/, 'Couple avec enfant (avant les enfants)', 'parts'],
  [/^parts\.perChild$/, 'Par enfant à charge', 'parts'],
  [/^parts\.perSharedCustodyChild$/, 'Par enfant en garde alternée', 'parts'],
  [/^parts\.disabilityBonus$/, 'En plus par personne handicapée', 'parts'],
  [/^parts\.perDisabledAdultDependant$/, 'Par adulte handicapé à charge', 'parts'],
  [/^parts\.perPerson$/, 'Par personne du foyer', 'parts'],
  [/^parts\.livingAloneBonus$/, 'En plus pour une personne vivant seule', 'parts'],
  [/^parts\.childMaxAge$/, 'Âge maximal d’un enfant à charge', 'ans'],
  [/^parts\.isolatedParent\.alone$/, 'Parent isolé : parts du parent', 'parts'],
  [/^parts\.isolatedParent\.member$/, 'Parent isolé : parts de l’agent', 'parts'],
  [/^parts\.isolatedParent\.perChild$/, 'Parent isolé : par enfant', 'parts'],
  [/^parts\.isolatedParent\.childMaxAge$/, 'Parent isolé : âge maximal des enfants', 'ans'],
  [/^parts\.isolatedParent\.excludedKinds$/, 'Parent isolé : sauf ces activités', ''],
  [/^annualCeiling\.qfForMaximumEuros$/, 'QF jusqu’auquel le plafond est maximal', '€'],
  [/^annualCeiling\.qfForMinimumEuros$/, 'QF à partir duquel le plafond est minimal', '€'],
  [/^annualCeiling\.(single|couple)\.(\d+)\.(min|max)$/, 'Plafond {3:minimal|maximal}, {1}', '€'],
  [/^annualCeiling\.exemptSectors$/, 'Secteurs hors plafond', ''],
  [/^annualCeiling\.notForHouseholdsWithDisability$/, 'Pas de plafond si handicap au foyer', ''],
  [/^skiAid\.qfLimitEuros$/, 'QF maximal pour l’aide', '€'],
  [/^skiAid\.qfLimitInclusive$/, 'QF maximal compris', ''],
  [/^skiAid\.everyYears$/, 'Une aide tous les', 'ans'],
  [/^skiAid\.publishedRange\.minEuros$/, 'Aide minimale publiée', '€'],
  [/^skiAid\.publishedRange\.maxEuros$/, 'Aide maximale publiée', '€'],
  [/^sectors\.[^.]+\.label$/, 'Nom du secteur', ''],
  [/^sectors\.[^.]+\.participantMaxAge$/, 'Âge maximal du participant', 'ans'],
  [/^sectors\.[^.]+\.daysPerYear$/, 'Jours subventionnés par an', 'jours'],
  [/^promo\.daysPerYear$/, 'Jours au taux promotionnel par an', 'jours'],
  [/^promo\.overflowGrid$/, 'Grille au-delà', ''],
  [/^minimumNights$/, 'Nuits minimales d’un séjour subventionné', 'nuits'],
  [/^capCategories\.[^.]+\.label$/, 'Nom', ''],
  [/^capCategories\.[^.]+\.perDay\.\d+\.fromDay$/, 'Tranche à partir du jour', 'jours'],
  [/^capCategories\.[^.]+\.perDay\.\d+\.euros$/, 'Prix subventionné maximal par jour', '€'],
  [/^capCategories\.[^.]+\.perStayEuros$/, 'Prix subventionné maximal par séjour', '€'],
  [/^capCategories\.[^.]+\.baseShare$/, 'Part du prix subventionnée', '%'],
  [/^capCategories\.[^.]+\.minDays$/, 'Durée minimale', 'jours'],
  [/^capCategories\.[^.]+\.minNights$/, 'Nuits minimales', 'nuits'],
  [/^deposit\.label$/, 'Nom de l’acompte', ''],
  [/^deposit\.share$/, 'Part du reste à payer demandée', '%'],
  [/^deposit\.minEuros$/, 'Acompte minimal', '€'],
  [/^deposit\.fullPaymentWithinDays$/, 'Tout payer si le départ est dans moins de', 'jours'],
  [/^claimsWithinMonths$/, 'Délai pour envoyer une demande après le retour', ''],
  [
    /^unpaidWithdrawal\.daysBeforeStart$/,
    'Désistement si impayé ce nombre de jours avant',
    'jours',
  ],
  [/^unpaidWithdrawal\.warnDaysEarlier$/, 'Avertissement ce nombre de jours plus tôt', 'jours'],
  [/^fees\.\d+\.label$/, 'Nom du frais', ''],
  [/^fees\.\d+\.euros$/, 'Montant', '€'],
  [/^fees\.\d+\.yearly$/, 'Une fois par an', ''],
  [/^instalments\.\d+\.label$/, 'Nom', ''],
  [/^instalments\.\d+\.maxCount$/, 'Nombre maximal d’échéances', 'fois'],
  [/^instalments\.\d+\.fromEuros$/, 'À partir de', '€'],
  [/^income\.description$/, 'Revenu demandé (tel que la Fiche le nomme)', ''],
  [/^income\.taxYearOffset$/, 'Année des revenus, par rapport à l’année du barème', 'ans'],
  [/^rounding\.mode$/, 'Arrondi', ''],
  [/^rounding\.rateDecimals$/, 'Décimales des taux', ''],
  [/^rounding\.moneyStepCents$/, 'Pas des montants, en centimes', ''],
  [/^parts\.method$/, 'Méthode des parts', ''],
  [/participantUnderAge$/, 'Participant de moins de', 'ans'],
  [/participantDisabled$/, 'Participant handicapé', ''],
  [/subsidised$/, 'Subventionné', ''],
  [/^fees$/, 'Frais', ''],
  [/^fees\.\d+\.id$/, 'Code du frais', ''],
  [/abroad$/, 'Séjours à l’étranger', ''],
  [/^instalments\.\d+\.method$/, 'Moyen de paiement', ''],
  [/^cancellation\.method$/, 'Règle d’annulation', ''],
  [/flatFeeEuros$/, 'Village CAES : frais forfaitaires d’annulation', '€'],
  [
    /flatFeeMoreThanDays$/,
    'Frais forfaitaires si l’annulation a lieu plus de … jours avant',
    'jours',
  ],
  [/depositFromDays$/, 'Acompte retenu à partir de … jours avant', 'jours'],
  [/lateShare$/, 'Part retenue en annulation tardive', '%'],
  [/noShowShare$/, 'Part retenue si le participant ne vient pas', '%'],
  [/^cancellation\.other\.minimumEuros$/, 'Autres séjours : frais minimaux d’annulation', '€'],
  [/earlyMoreThanDays$/, 'Modification précoce : plus de … jours avant', 'jours'],
  [/caesVillage\.early$/, 'Frais de modification précoce (1re, 2e…)', '€'],
  [/caesVillage\.late$/, 'Frais de modification tardive (1re, 2e…)', '€'],
  [/afterFreeShare$/, 'Part retenue après les modifications gratuites', '%'],
  [/onArrivalShare$/, 'Part retenue en cas de modification à l’arrivée', '%'],
  [/^modification\.other\.fees$/, 'Autres séjours : frais de modification (1re, 2e…)', '€'],
  [/^ownTransport\.carPerKmEuros$/, 'Indemnité par kilomètre', '€'],
  [/^abroadStay\.minDays$/, 'Durée minimale', 'jours'],
  [/^abroadStay\.travelMaxEurosPerYear$/, 'Voyage subventionné au plus, par an', '€'],
  [/percent$/, 'Part subventionnée', '%'],
  [/maxBaseEuros$/, 'Base maximale', '€'],
  [/maxRoundTrips$/, 'Allers-retours au plus', 'fois'],
  [/Euros$|euros$/, 'Montant', '€'],
  [/Share$/, 'Part retenue', '%'],
  [/Days$/, 'Nombre de jours', 'jours'],
  [/\.grid$|Grid$/, 'Grille', ''],
  [/\.sectors$/, 'Secteurs', ''],
  [/\.kinds$/, 'Types d’activité', ''],
  [/\.relations$/, 'Personnes', ''],
];

const HOUSEHOLDS: Record<string, string> = { single: 'célibataire', couple: 'couple' };

/** `{1}` is the first captured segment, `{3:a|b}` picks by the third (min → a, max → b). */
function fill(template: string, match: RegExpMatchArray): string {
  return template.replace(
    /\{(\d)(?::([^|}]*)\|([^}]*))?\}/g,
    (_, index: string, a: string | undefined, b: string) => {
      const part = match[Number(index)] ?? '';
      if (a !== undefined) return part === 'min' ? a : b;
      return HOUSEHOLDS[part] ?? part;
    },
  );
}

function withChildren(path: string, label: string): string {
  const row = /^annualCeiling\.(?:single|couple)\.(\d+)\./.exec(path)?.[1];
  if (row === undefined) return label;
  const count = Number(row);
  return count === 0 ? `${label} sans enfant` : `${label}, ${count} enfant${count > 1 ? 's' : ''}`;
}

/** The French name and unit of a parameter, by its path. */
export function parameterLabel(path: string): { label: string; unit: ParameterUnit } {
  for (const [pattern, template, unit] of LABELS) {
    const match = path.match(pattern);
    if (match) {
      const named = /^(grids|sectors|capCategories)\.([^.]+)\./.exec(path)?.[2];
      const label = withChildren(path, fill(template, match));
      return { label: named && !label.startsWith('Nom') ? `${label} (${named})` : label, unit };
    }
  }
  return { label: path === 'label' ? 'Nom du barème' : path, unit: '' };
}

/** Not edited as fields: set at publishing (id, organization, period) or kept apart. */
const APART = new Set(['id', 'organization', 'validity', 'cases', 'sources']);

/** Every parameter of a pack's data, in its order, with its label, unit and source note. */
export function packParameters(data: Record<string, unknown>): PackParameter[] {
  const sources = (data.sources ?? {}) as Record<string, string>;
  const out: PackParameter[] = [];
  const visit = (value: unknown, path: string): void => {
    const isList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (isList || value === null || typeof value !== 'object') {
      const { label, unit } = parameterLabel(path);
      out.push({
        path,
        section: SECTIONS[path.split('.')[0] ?? ''] ?? path,
        label,
        unit,
        kind: isList
          ? 'list'
          : typeof value === 'boolean'
            ? 'boolean'
            : typeof value === 'number'
              ? 'integer'
              : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && unit !== ''
                ? 'decimal'
                : 'text',
        value: value as PackParameter['value'],
        source: sources[path] ?? null,
      });
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
  };
  for (const [key, value] of Object.entries(data)) if (!APART.has(key)) visit(value, key);
  return out;
}
