import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { ActionProgress } from './action-progress.tsx';
import { api } from './api.ts';
import { useSession } from './session.tsx';
import { ThemeChoice } from './theme.tsx';

/** Page frame: skip link, header with navigation, main landmark; focus moves to the title on each page. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const user = session?.user ?? null;
  const brandColour = session?.organization.brandColour;
  useEffect(() => {
    // The committee's colour, for the light theme (the dark theme keeps its own).
    if (brandColour) document.documentElement.style.setProperty('--committee-brand', brandColour);
  }, [brandColour]);
  const logout = async () => {
    await api('DELETE', '/api/session');
    await refresh();
    await navigate('/');
  };
  return (
    <>
      <ActionProgress />
      <a className="skip" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {session?.organization.logoUrl ? (
            <img className="brand-logo" src={session.organization.logoUrl} alt="" />
          ) : null}
          {session?.organization.shortName ?? 'Entraide'} <span>Espace Adhérent</span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul>
            <li>
              <NavLink to="/activites">Séjours</NavLink>
            </li>
            <li>
              <NavLink to="/simulateur">Calculer mon taux</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/espace">Mon espace</NavLink>
                </li>
                {user.role !== 'member' ? (
                  <li>
                    <NavLink to="/gestion">Gestion</NavLink>
                  </li>
                ) : null}
                <li>
                  <button type="button" className="link" onClick={() => void logout()}>
                    Se déconnecter
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/connexion">Se connecter</NavLink>
                </li>
                <li>
                  <NavLink to="/inscription">S’inscrire</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="contenu" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {session?.organization.name ?? ''} — Entraide, logiciel libre pour les comités d’action
          sociale.
        </p>
        <ThemeChoice />
      </footer>
    </>
  );
}

/** The page title: set as the document title and focused after navigation, for screen readers. */
export function PageTitle({ children }: { readonly children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${children} — Espace Adhérent`;
    ref.current?.focus();
  }, [children, pathname]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
