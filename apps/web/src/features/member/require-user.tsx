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
  const { secondFactor } = session.user;
  if (secondFactor.enrolled && !secondFactor.verified) {
    return (
      <>
        <PageTitle>Connexion à terminer</PageTitle>
        <p>
          Votre compte est protégé par un second facteur.{' '}
          <Link to="/connexion">Saisir le code ou utiliser la clé d’accès</Link>
        </p>
      </>
    );
  }
  if (staffOnly && session.user.role !== 'member' && !secondFactor.enrolled) {
    return (
      <>
        <PageTitle>Second facteur à activer</PageTitle>
        <p>
          Le personnel lit des avis d’impôt et prépare des virements : un mot de passe seul ne
          suffit pas. Activez une application d’authentification ou une clé d’accès pour ouvrir la
          gestion.
        </p>
        <p>
          <Link to="/espace/securite">Activer mon second facteur</Link>
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
