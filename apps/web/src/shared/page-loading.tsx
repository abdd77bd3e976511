import { Component, Suspense, type ReactNode } from 'react';
import { useLocation } from 'react-router';

interface State {
  readonly failed: boolean;
}

/** A page whose code could not be fetched says so, in words, with a way out (not a blank page). */
class PageLoadFailure extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert" role="alert">
        <p>
          Cette page n’a pas pu se charger : la connexion a été interrompue, ou le site vient d’être
          mis à jour.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Recharger la page
        </button>
      </div>
    );
  }
}

/**
 * Where the pages show: "Chargement…" while a page's code arrives, and a message with a reload
 * button if it cannot (a new page, a new chance).
 */
export function PageLoading({ children }: { readonly children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageLoadFailure key={pathname}>
      <Suspense fallback={<p role="status">Chargement…</p>}>{children}</Suspense>
    </PageLoadFailure>
  );
}
