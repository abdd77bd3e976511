import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { NavLink } from './nav-link.tsx';
import { ActionProgress } from './action-progress.tsx';
import { api } from './api.ts';
import { useSession } from './session.tsx';
import { ThemeChoice } from './theme.tsx';
import { common } from '../messages/common.ts';
import { layout as msg } from '../messages/shared.ts';

/** Page frame: skip link, header with navigation, main landmark; focus moves to the title on each page. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const { session, refresh } = useSession();
  const [, navigate] = useLocation();
  const user = session?.user ?? null;
  const brandColour = session?.organization.brandColour;
  useEffect(() => {
    // The committee's colour, for the light theme (the dark theme keeps its own).
    if (brandColour) document.documentElement.style.setProperty('--committee-brand', brandColour);
  }, [brandColour]);
  const logout = async () => {
    await api('DELETE', '/api/session');
    await refresh();
    navigate('/');
  };
  return (
    <>
      <ActionProgress />
      <a className="skip" href="#contenu">
        {msg.allerContenu}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {session?.organization.logoUrl ? (
            <img className="brand-logo" src={session.organization.logoUrl} alt="" />
          ) : null}
          {session?.organization.shortName ?? msg.entraide} <span>{msg.espaceAdherent}</span>
        </Link>
        <nav aria-label={msg.navigationPrincipale}>
          <ul>
            <li>
              <NavLink to="/activites">{msg.sejours}</NavLink>
            </li>
            <li>
              <NavLink to="/simulateur">{msg.calculerMonTaux}</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/espace">{msg.monEspace}</NavLink>
                </li>
                {user.role !== 'member' ? (
                  <li>
                    <NavLink to="/gestion">{msg.gestion}</NavLink>
                  </li>
                ) : null}
                <li>
                  <button type="button" className="link" onClick={() => void logout()}>
                    {msg.seDeconnecter}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/connexion">{common.logIn}</NavLink>
                </li>
                <li>
                  <NavLink to="/inscription">{msg.inscrire}</NavLink>
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
        <p>{msg.entraideLogicielLibrePour(session?.organization.name ?? '')}</p>
        <ThemeChoice />
      </footer>
    </>
  );
}

/** The page title: set as the document title and focused after navigation, for screen readers. */
export function PageTitle({ children }: { readonly children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [pathname] = useLocation();
  useEffect(() => {
    document.title = msg.espaceAdherent2(children);
    ref.current?.focus();
  }, [children, pathname]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
