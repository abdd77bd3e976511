import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';

/** Shows its content to a logged-in user (of the given roles), a login prompt or a refusal otherwise. */
export function RequireUser({
  children,
  staffOnly = false,
}: {
  readonly children: ReactNode;
  readonly staffOnly?: boolean;
}) {
  const { session } = useSession();
  if (!session) return <p role="status">Chargement…</p>;
  if (!session.user) {
    return (
      <>
        <PageTitle>Connexion nécessaire</PageTitle>
        <p>
          Cette page est réservée aux personnes connectées.{' '}
          <Link to="/connexion">Se connecter</Link>
        </p>
      </>
    );
  }
  if (staffOnly && session.user.role === 'member') {
    return (
      <>
        <PageTitle>Accès refusé</PageTitle>
        <p>
          Cette page est réservée au personnel du comité (erreur 403).{' '}
          <Link to="/espace">Retour à mon espace</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
