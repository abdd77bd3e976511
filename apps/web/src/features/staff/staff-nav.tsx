import { NavLink } from 'react-router';
import { useSession } from '../../shared/session.tsx';

/** The back office's sections. */
export function StaffNav() {
  const { session } = useSession();
  return (
    <nav aria-label="Gestion" className="actions">
      <NavLink to="/gestion" end>
        Accueil
      </NavLink>
      <NavLink to="/gestion/tableau-de-bord">Tableaux de bord</NavLink>
      <NavLink to="/gestion/inscriptions">Demandes d’inscription</NavLink>
      <NavLink to="/gestion/fiches">Fiches Agent à valider</NavLink>
      <NavLink to="/gestion/adherents">Adhérents</NavLink>
      <NavLink to="/gestion/activites">Activités</NavLink>
      <NavLink to="/gestion/selection">Sélection</NavLink>
      <NavLink to="/gestion/reglements">Règlements</NavLink>
      <NavLink to="/gestion/subventions">Subventions a posteriori</NavLink>
      <NavLink to="/gestion/solidarite">Solidarité</NavLink>
      <NavLink to="/gestion/partenaires">Offres partenaires</NavLink>
      <NavLink to="/gestion/baremes">Barèmes</NavLink>
      {session?.user?.role === 'admin' ? (
        <>
          <NavLink to="/gestion/comptes">Comptes du personnel</NavLink>
          <NavLink to="/gestion/comite">Identité du comité</NavLink>
        </>
      ) : null}
    </nav>
  );
}
