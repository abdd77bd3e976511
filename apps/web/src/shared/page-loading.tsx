import { Component, Suspense, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { common } from '../messages/common.ts';
import { pageLoading as msg } from '../messages/shared.ts';

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
        <p>{msg.cettePagePasPu}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {msg.rechargerPage}
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
  const [pathname] = useLocation();
  return (
    <PageLoadFailure key={pathname}>
      <Suspense fallback={<p role="status">{common.loading}</p>}>{children}</Suspense>
    </PageLoadFailure>
  );
}
