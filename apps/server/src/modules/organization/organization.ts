import type { PackRegistry } from '@entraide/rules';

/** The committee the instance serves: names, texts and its family of rule packs. */
export interface Organization {
  readonly id: 'inserm' | 'cnrs';
  readonly name: string;
  readonly shortName: string;
  /** Prefix of the CAES identifiers it gives. */
  readonly identifierPrefix: string;
  readonly contactEmail: string;
  /** The selection puts first those who never went with the sector (Inserm youth stays). */
  readonly neverWentFirst: boolean;
  /** The home page's promise, in the committee's words. */
  readonly tagline: string;
  /** The postal address its documents print under its name. */
  readonly address: string;
  /** Its SIRET, when configured (`COMMITTEE_SIRET`). */
  readonly siret: string | null;
  /** Its colour (#rrggbb), dark enough for white text on it: the header, the letterhead. */
  readonly brandColour: string;
  /** Its logo as a PNG, when the admin gave one. */
  readonly logo: Uint8Array | null;
  /** Changes with each change of the identity (the logo's address, for caches). */
  readonly identityVersion: string;
}

/** The identity a committee starts with, until its admin changes it (CommitteeIdentity). */
const DEFAULT_IDENTITY = { brandColour: '#1d4e89', logo: null, identityVersion: '0' } as const;

const ORGANIZATIONS: Record<
  Organization['id'],
  Omit<Organization, keyof typeof DEFAULT_IDENTITY>
> = {
  inserm: {
    id: 'inserm',
    name: 'CAES de l’Inserm',
    shortName: 'CAES Inserm',
    identifierPrefix: 'IN',
    contactEmail: 'fiche-agent.caes@inserm.fr',
    neverWentFirst: true,
    tagline:
      'Séjours pour vos enfants, vacances, loisirs et aides : vos subventions en un seul endroit.',
    address: '101 rue de Tolbiac, 75654 Paris Cedex 13',
    siret: null,
  },
  cnrs: {
    id: 'cnrs',
    name: 'CAES du CNRS',
    shortName: 'CAES CNRS',
    identifierPrefix: 'CN',
    contactEmail: 'adm-caes@caes.cnrs.fr',
    neverWentFirst: false,
    tagline:
      'Les vacances de toute la famille : villages du CAES, villages partenaires, voyages et séjours jeunes, au tarif de votre quotient.',
    address: '2 allée Georges Méliès, 94306 Vincennes Cedex',
    siret: null,
  },
};

export const organizationOf = (
  id: Organization['id'],
  siret: string | null = null,
): Organization => ({ ...ORGANIZATIONS[id], ...DEFAULT_IDENTITY, siret });

/** The address of the committee's logo, changed with each new logo (so caches keep it). */
export const logoUrl = (organization: Organization): string | null =>
  organization.logo ? `/api/committee/logo?v=${organization.identityVersion}` : null;

/** The mention an association exempt from VAT prints on its invoices. */
export const VAT_MENTION = 'TVA non applicable, article 261-7-1° du CGI (association loi 1901).';

/** The committee's words and what its packs hold (the newest pack first), for the screens. */
export function organizationTexts(organization: Organization, packs: PackRegistry) {
  const own = packs
    .all()
    .filter((pack) => pack.organization === organization.id)
    .sort((a, b) => b.data.validity.from.localeCompare(a.data.validity.from));
  return {
    tagline: organization.tagline,
    depositLabel: own.find((pack) => pack.deposit)?.deposit?.label ?? 'Acompte',
    annualCeiling: own.some((pack) => pack.annualCeiling !== null),
    skiAid: own.some((pack) => pack.skiAid !== null),
  };
}
