import type { ReactNode } from 'react';
import { SECTOR_NAMES } from '@entraide/contract';
import { Link } from 'wouter';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { worksIn, type SectionStaff } from '../staff/staff-sections.ts';
import { common } from '../../messages/common.ts';
import { requireUser as msg } from '../../messages/member.ts';

/**
 * Shows its content to a logged-in user (staff only, or only the staff of a back office's
 * `section`), a login prompt or a refusal otherwise.
 */
export function RequireUser({
  children,
  staffOnly = false,
  section,
}: {
  readonly children: ReactNode;
  readonly staffOnly?: boolean;
  readonly section?: SectionStaff;
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
  if (staffOnly && session.user.role !== 'member' && !secondFactor.enrolled) {
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
  if (staffOnly && session.user.role === 'member') {
    return (
      <>
        <PageTitle>{msg.accesRefuse}</PageTitle>
        <p>
          {msg.cettePageReserveePersonnel} <Link to="/espace">{common.backToMySpace}</Link>
        </p>
      </>
    );
  }
  if (section !== undefined && !worksIn(session.user, section)) {
    return (
      <>
        <PageTitle>{msg.accesRefuse}</PageTitle>
        <p>
          {section === 'admin'
            ? msg.reserveeAdministration
            : msg.reserveeSecteurs(section.map((sector) => SECTOR_NAMES[sector]).join(', '))}{' '}
          <Link to="/gestion">{msg.retourGestion}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
