import { lazy, Suspense, useState } from 'react';

const DocumentPreview = lazy(() => import('./document-preview.tsx'));

/** "Voir ici": a document's pages in the page, drawn only once asked for. */
export function DocumentToggle({ url, title }: { readonly url: string; readonly title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Voir « {title} » ici</summary>
      {open ? (
        <Suspense fallback={<p role="status">Affichage du document…</p>}>
          <DocumentPreview url={url} title={title} />
        </Suspense>
      ) : null}
    </details>
  );
}
