import type { ReactNode } from 'react';
import { SECTOR_NAMES } from '@entraide/contract';
import { Link } from 'wouter';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { worksIn, type SectionStaff } from '../staff/staff-sections.ts';
import { common } from '../../messages/common.ts';
import { requireUser as msg } from '../../messages/member.ts';

/**
 * Shows its content to a logged-in user (with `staff`: a staff member, or only the staff of a back
 * office's section), a login prompt or a refusal otherwise.
 */
export function RequireUser({
  children,
  staff,
}: {
  readonly children: ReactNode;
  /** `true`: any staff member; a section's staff: only they (and the admin). */
  readonly staff?: true | SectionStaff;
}) {
  const { session } = useSession();
  if (!session) return <p role="status">{common.loading}</p>;
  if (!session.user) {
    return (
      <>
        <PageTitle>{msg.connexionNecessaire}</PageTitle>
        <p>
          {msg.cettePageReserveePersonnes} <Link to="/connexion">{common.logIn}</Link>
        </p>
      </>
    );
  }
  const { secondFactor } = session.user;
  if (secondFactor.enrolled && !secondFactor.verified) {
    return (
      <>
        <PageTitle>{msg.connexionTerminer}</PageTitle>
        <p>
          {msg.votreCompteProtegePar} <Link to="/connexion">{msg.saisirCodeOuUtiliser}</Link>
        </p>
      </>
    );
  }
  if (staff === undefined) return <>{children}</>;
  if (session.user.role !== 'member' && !secondFactor.enrolled) {
    return (
      <>
        <PageTitle>{msg.secondFacteurActiver}</PageTitle>
        <p>{msg.personnelLitAvisImpot}</p>
        <p>
          <Link to="/espace/securite">{msg.activerMonSecondFacteur}</Link>
        </p>
      </>
    );
  }
  if (session.user.role === 'member') {
    return (
      <>
        <PageTitle>{msg.accesRefuse}</PageTitle>
        <p>
          {msg.cettePageReserveePersonnel} <Link to="/espace">{common.backToMySpace}</Link>
        </p>
      </>
    );
  }
  if (staff !== true && !worksIn(session.user, staff)) {
    return (
      <>
        <PageTitle>{msg.accesRefuse}</PageTitle>
        <p>
          {staff === 'admin'
            ? msg.reserveeAdministration
            : msg.reserveeSecteurs(staff.map((sector) => SECTOR_NAMES[sector]).join(', '))}{' '}
          <Link to="/gestion">{msg.retourGestion}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
