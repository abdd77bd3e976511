import { useEffect, useRef, useState } from 'react';
import { documentPreview as msg } from '../messages/shared.ts';

/** The pages shown at most: enough for a tax notice or a payslip, and a link opens the rest. */
const MAX_PAGES = 4;

/**
 * A member's PDF shown in the page, its pages drawn as images by pdf.js (loaded only when a
 * preview opens): staff check a document without leaving the file they review. The server sends
 * uploaded files as downloads only; pdf.js reads their bytes and draws them (no eval).
 */
export default function DocumentPreview({
  url,
  title,
}: {
  readonly url: string;
  readonly title: string;
}) {
  const pages = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');
  const [count, setCount] = useState(0);
  useEffect(() => {
    // Set when the preview closes: drawing stops and nothing more is added.
    const life = { gone: false };
    const draw = async () => {
      const [pdfjs, worker] = await Promise.all([
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
      ]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const answer = await fetch(url, { credentials: 'same-origin' });
      if (!answer.ok) throw new Error(String(answer.status));
      const pdf = await pdfjs.getDocument({
        data: new Uint8Array(await answer.arrayBuffer()),
        isEvalSupported: false,
      }).promise;
      setCount(pdf.numPages);
      for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES) && !life.gone; n += 1) {
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: 1.5 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = 'preview-page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', msg.pageSur(title, n, pdf.numPages));
        await page.render({ canvas, viewport }).promise;
        pages.current?.append(canvas);
      }
      await pdf.destroy();
    };
    draw().then(
      () => {
        if (!life.gone) setState('shown');
      },
      () => {
        if (!life.gone) setState('failed');
      },
    );
    return () => {
      life.gone = true;
    };
  }, [url, title]);
  return (
    <div className="document-preview">
      {state === 'loading' ? <p role="status">{msg.affichageDocument}</p> : null}
      {state === 'failed' ? <p role="alert">{msg.ceDocumentNeAffiche}</p> : null}
      {state === 'shown' && count > MAX_PAGES ? (
        <p className="hint">{msg.premieresPagesSurLien(MAX_PAGES, count)}</p>
      ) : null}
      <div ref={pages} />
    </div>
  );
}
