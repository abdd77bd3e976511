import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { common } from '../../messages/common.ts';
import { requireUser as msg } from '../../messages/member.ts';

/** Shows its content to a logged-in user (of the given roles), a login prompt or a refusal otherwise. */
export function RequireUser({
  children,
  staffOnly = false,
}: {
  readonly children: ReactNode;
  readonly staffOnly?: boolean;
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
  return <>{children}</>;
}
