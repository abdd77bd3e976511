import { Link } from 'wouter';
import { PageTitle } from '../shared/layout.tsx';
import { notFoundPage as msg } from '../messages/pages.ts';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>{msg.pageIntrouvable}</PageTitle>
      <p>
        {msg.cettePageExistePas} <Link to="/">{msg.retourAccueil}</Link>
      </p>
    </>
  );
}
