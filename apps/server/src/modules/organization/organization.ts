/** The committee the instance serves: names, texts and its family of rule packs. */
export interface Organization {
  readonly id: 'inserm' | 'cnrs';
  readonly name: string;
  readonly shortName: string;
  /** Prefix of the CAES identifiers it gives. */
  readonly identifierPrefix: string;
  readonly contactEmail: string;
}

const ORGANIZATIONS: Record<Organization['id'], Organization> = {
  inserm: {
    id: 'inserm',
    name: 'CAES de l’Inserm',
    shortName: 'CAES Inserm',
    identifierPrefix: 'IN',
    contactEmail: 'fiche-agent.caes@inserm.fr',
  },
  cnrs: {
    id: 'cnrs',
    name: 'CAES du CNRS',
    shortName: 'CAES CNRS',
    identifierPrefix: 'CN',
    contactEmail: 'adm-caes@caes.cnrs.fr',
  },
};

export const organizationOf = (id: Organization['id']): Organization => ORGANIZATIONS[id];
