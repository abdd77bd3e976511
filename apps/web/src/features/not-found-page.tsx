import { Link } from 'react-router';
import { PageTitle } from '../shared/layout.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page introuvable</PageTitle>
      <p>
        Cette page n’existe pas. <Link to="/">Retour à l’accueil</Link>
      </p>
    </>
  );
}
