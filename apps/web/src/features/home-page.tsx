import { Link } from 'wouter';
import { PageTitle } from '../shared/layout.tsx';
import { useSession } from '../shared/session.tsx';
import { common } from '../messages/common.ts';
import { homePage as msg } from '../messages/pages.ts';

export function HomePage() {
  const { session } = useSession();
  return (
    <>
      <PageTitle>{msg.bienvenueSurEspaceAdherent}</PageTitle>
      <p>
        {msg.espaceAdherent(session?.organization.name ?? msg.comite)}{' '}
        {session?.organization.texts.tagline}
      </p>
      <p>{msg.calculezVotreTauxSubvention}</p>
      <div className="actions">
        <Link className="button" to="/simulateur">
          {msg.calculerMonTauxSubvention}
        </Link>
        <Link className="button" to={session?.user ? '/espace' : '/connexion'}>
          {session?.user ? msg.monEspace : common.logIn}
        </Link>
      </div>
      {session?.user ? null : (
        <p>
          {msg.premiereFois} <Link to="/inscription">{msg.inscrivezVous}</Link>{' '}
          {msg.gestionnaireValideVotreDemande}
        </p>
      )}
    </>
  );
}
