import type { AppContext } from '../accounts/context.ts';
import { memberProfile } from '../accounts/members.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { FormWriter } from './pdf-text.ts';

const ACTIVITIES = [
  'Séjour avec hébergement en France ou à l’étranger',
  'Stage culturel ou sportif sans hébergement',
  'Stage formation initiale premier secours de niveau 1',
  'Séjour individuel à l’étranger',
  'Camping jeune',
  'Auberge de jeunesse',
  'Séjour d’un enfant MDPH ≥ 50 %',
  'Carte inter-rail',
  'Voyage en autocar',
  'Classe transplantée',
  'Activités sportives, culturelles et de loisirs annuelles',
  'Centre de loisirs sans hébergement',
  'Mini-séjours ou mini-camps des centres de loisirs',
  'Compétition sportive',
];

/** The "subvention administrative" mandate (seeds/inserm-sejours-jeunes.txt), pre-filled. */
export async function administrativeSubsidyMandate(
  ctx: AppContext,
  member: CurrentUser,
): Promise<Uint8Array> {
  const profile = await memberProfile(ctx, member, member.id);
  const spouse = profile.dependants.find((d) => d.relation === 'spouse');
  const form = await FormWriter.create('Subvention administrative', ctx.organization);
  return form
    .documentTitle('Subvention administrative')
    .paragraph(
      `La subvention du ${ctx.organization.shortName} comprend la subvention administrative. Le comité se charge de la récupérer auprès de l’administration.`,
    )
    .field(
      'Je soussigné ou soussignée',
      `${profile.firstName} ${profile.lastName} (identifiant CAES ${profile.identifier})`,
    )
    .paragraph(
      `demande que la subvention administrative que l’administration mandatera à mon profit soit virée sur le compte ouvert au nom du ${ctx.organization.shortName}, qui m’en fait l’avance.`,
    )
    .heading('Renseignements concernant le conjoint')
    .field('Nom et prénom', spouse ? `${spouse.lastName} ${spouse.firstName}` : null)
    .field('Est-il salarié ? (oui / non)', null)
    .field(
      'S’il est fonctionnaire ou agent de l’État, dans quelle administration travaille-t-il ?',
      null,
    )
    .field('Quel est son indice majoré ?', null)
    .heading('J’atteste sur l’honneur')
    .paragraph(
      '[ ] ne pas percevoir      [ ] percevoir des bons vacances délivrés par mon organisme payeur des Allocations Familiales.',
    )
    .field('Si vous en percevez, précisez la somme', null)
    .field('Fait à', null)
    .field('Le', null)
    .field('Signature', null)
    .save();
}

/** The "attestation de non-subvention" for the spouse's employer, pre-filled with the spouse and children. */
export async function nonSubsidyCertificate(
  ctx: AppContext,
  member: CurrentUser,
  year: number,
): Promise<Uint8Array> {
  const profile = await memberProfile(ctx, member, member.id);
  const spouse = profile.dependants.find((d) => d.relation === 'spouse');
  const children = profile.dependants.filter((d) => d.relation === 'child');
  const form = await FormWriter.create('Attestation de non-subvention', ctx.organization);
  form
    .documentTitle('Attestation de non-subvention (conjoint)')
    .paragraph(
      'À faire remplir par l’employeur du conjoint, pour toute demande de subvention. Ce document peut nous parvenir dans un second temps.',
    )
    .field('Je soussigné ou soussignée', null)
    .field('en qualité de', null)
    .field('Certifie que M. / Mme', spouse ? `${spouse.firstName} ${spouse.lastName}` : null)
    .paragraph('[ ] ne perçoit pas de subvention      [ ] perçoit une subvention')
    .paragraph('pour ses enfants, NOM et PRÉNOM de chacun :');
  for (const child of children.length > 0 ? children : [null, null, null])
    form.paragraph(
      child ? `- ${child.lastName} ${child.firstName}` : '- ______________________________',
    );
  form
    .paragraph(
      '[ ] Attestation ponctuelle — pour le séjour à : ____________ du ________ au ________',
    )
    .paragraph(`[ ] Attestation annuelle ${year}`)
    .paragraph('Pour les activités suivantes :');
  for (const activity of ACTIVITIES) form.paragraph(`[ ] ${activity}`, 9.5);
  return form
    .paragraph('Pour servir et valoir ce que de droit.')
    .field('Fait à', null)
    .field('Le', null)
    .field('Cachet et signature', null)
    .save();
}
