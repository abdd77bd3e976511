import { lazy, Suspense, useState } from 'react';
import { documentToggle as msg } from '../messages/shared.ts';

const DocumentPreview = lazy(() => import('./document-preview.tsx'));

/** "Voir ici": a document's pages in the page, drawn only once asked for. */
export function DocumentToggle({ url, title }: { readonly url: string; readonly title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{msg.voirIci(title)}</summary>
      {open ? (
        <Suspense fallback={<p role="status">{msg.affichageDocument}</p>}>
          <DocumentPreview url={url} title={title} />
        </Suspense>
      ) : null}
    </details>
  );
}
