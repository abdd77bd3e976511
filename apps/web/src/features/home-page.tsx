import { Link } from 'react-router';
import { PageTitle } from '../shared/layout.tsx';
import { useSession } from '../shared/session.tsx';

export function HomePage() {
  const { session } = useSession();
  return (
    <>
      <PageTitle>Bienvenue sur l’Espace Adhérent</PageTitle>
      <p>
        L’Espace Adhérent du {session?.organization.name ?? 'comité'}.{' '}
        {session?.organization.texts.tagline}
      </p>
      <p>
        Calculez votre taux de subvention, tenez à jour votre Fiche Agent, réservez et suivez vos
        factures et subventions.
      </p>
      <div className="actions">
        <Link className="button" to="/simulateur">
          Calculer mon taux de subvention
        </Link>
        <Link className="button" to={session?.user ? '/espace' : '/connexion'}>
          {session?.user ? 'Mon espace' : 'Se connecter'}
        </Link>
      </div>
      {session?.user ? null : (
        <p>
          Première fois ? <Link to="/inscription">Inscrivez-vous</Link> : un gestionnaire valide
          votre demande et vous envoie votre identifiant CAES par courriel.
        </p>
      )}
    </>
  );
}
