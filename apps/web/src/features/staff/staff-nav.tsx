import { NavLink } from '../../shared/nav-link.tsx';
import { useSession } from '../../shared/session.tsx';
import { staffNav as msg } from '../../messages/staff.ts';

/** The back office's sections. */
export function StaffNav() {
  const { session } = useSession();
  return (
    <nav aria-label={msg.gestion} className="actions">
      <NavLink to="/gestion" end>
        {msg.accueil}
      </NavLink>
      <NavLink to="/gestion/tableau-de-bord">{msg.tableauxBord}</NavLink>
      <NavLink to="/gestion/inscriptions">{msg.demandesInscription}</NavLink>
      <NavLink to="/gestion/fiches">{msg.fichesAgentValider}</NavLink>
      <NavLink to="/gestion/adherents">{msg.adherents}</NavLink>
      <NavLink to="/gestion/activites">{msg.activites}</NavLink>
      <NavLink to="/gestion/selection">{msg.selection}</NavLink>
      <NavLink to="/gestion/reglements">{msg.reglements}</NavLink>
      <NavLink to="/gestion/subventions">{msg.subventionsPosteriori}</NavLink>
      <NavLink to="/gestion/solidarite">{msg.solidarite}</NavLink>
      <NavLink to="/gestion/partenaires">{msg.offresPartenaires}</NavLink>
      <NavLink to="/gestion/baremes">{msg.baremes}</NavLink>
      {session?.user?.role === 'admin' ? (
        <>
          <NavLink to="/gestion/comptes">{msg.comptesPersonnel}</NavLink>
          <NavLink to="/gestion/comite">{msg.identiteComite}</NavLink>
          <NavLink to="/gestion/courriels">{msg.courrielsNonDistribues}</NavLink>
        </>
      ) : null}
    </nav>
  );
}
