import { NavLink } from '../../shared/nav-link.tsx';
import { useSession } from '../../shared/session.tsx';
import { staffNav as msg } from '../../messages/staff.ts';
import { SECTIONS, worksIn, type SectionStaff } from './staff-sections.ts';

/** The back office's sections, each with who works in it (none said: any staff member). */
const LINKS: readonly { to: string; label: string; staff?: SectionStaff }[] = [
  { to: '/gestion/tableau-de-bord', label: msg.tableauxBord, staff: SECTIONS.dashboards },
  { to: '/gestion/inscriptions', label: msg.demandesInscription, staff: SECTIONS.signUps },
  { to: '/gestion/fiches', label: msg.fichesAgentValider, staff: SECTIONS.records },
  { to: '/gestion/adherents', label: msg.adherents },
  { to: '/gestion/activites', label: msg.activites, staff: SECTIONS.activities },
  { to: '/gestion/selection', label: msg.selection, staff: SECTIONS.selection },
  { to: '/gestion/reglements', label: msg.reglements, staff: SECTIONS.payments },
  { to: '/gestion/subventions', label: msg.subventionsPosteriori, staff: SECTIONS.claims },
  { to: '/gestion/solidarite', label: msg.solidarite, staff: SECTIONS.solidarity },
  { to: '/gestion/partenaires', label: msg.offresPartenaires },
  { to: '/gestion/baremes', label: msg.baremes },
  { to: '/gestion/comptes', label: msg.comptesPersonnel, staff: SECTIONS.admin },
  { to: '/gestion/comite', label: msg.identiteComite, staff: SECTIONS.admin },
  { to: '/gestion/courriels', label: msg.courrielsNonDistribues, staff: SECTIONS.admin },
  { to: '/gestion/journal', label: msg.journalActions, staff: SECTIONS.admin },
];

/** The back office's sections the staff member works in. */
export function StaffNav() {
  const { session } = useSession();
  const user = session?.user;
  return (
    <nav aria-label={msg.gestion} className="actions">
      <NavLink to="/gestion" end>
        {msg.accueil}
      </NavLink>
      {LINKS.filter(({ staff }) => user && worksIn(user, staff)).map(({ to, label }) => (
        <NavLink key={to} to={to}>
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
