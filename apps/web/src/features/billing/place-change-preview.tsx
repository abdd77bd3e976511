import type { PlaceChangeFigures, PlaceChangePreview } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { FiguresPending } from '../../shared/confirm-action.tsx';
import { formatCents } from '../../shared/format.ts';
import { placeChangePreview as msg } from '../../messages/billing.ts';

/**
 * The figures a confirmation shows: asked as its dialog opens (`load`, through the form's `run`,
 * so that a field to correct is marked on the form), and sent back with the action (`expected`),
 * which is then made only at those figures.
 */
export function usePlaceChangePreview(url: string) {
  const [preview, setPreview] = useState<PlaceChangePreview | null>(null);
  const load = async (body: object): Promise<void> => {
    setPreview(null);
    setPreview(await api<PlaceChangePreview>('POST', `${url}/preview`, body));
  };
  const expected = (): PlaceChangeFigures | undefined =>
    preview
      ? {
          feeCents: preview.feeCents,
          refundCents: preview.refundCents,
          invoiceCents: preview.invoiceCents,
        }
      : undefined;
  return { preview, load, expected };
}

/** The preview in words: the new invoice, the fee and its rule, what is refunded. */
export function PlaceChangeEffect({
  preview,
  refusal,
  closing,
}: {
  readonly preview: PlaceChangePreview | null;
  /** Why the figures could not be had (a field to correct): said in the dialog. */
  readonly refusal: string | null;
  /** What follows the figures: the credit note, the waiting list, that it cannot be undone. */
  readonly closing: string;
}) {
  if (preview === null) return <FiguresPending refusal={refusal} waiting={msg.calculMontants} />;
  return (
    <>
      <ul>
        {preview.invoiceCents === null ? null : (
          <li>{msg.nouvelleFacture(formatCents(preview.invoiceCents))}</li>
        )}
        <li>
          {preview.feeCents > 0
            ? preview.explanation.map((step) => step.text).join(' ; ')
            : msg.aucunFrais}
        </li>
        <li>
          {preview.refundCents > 0
            ? msg.aRembourser(formatCents(preview.refundCents))
            : msg.rienARembourser}
        </li>
      </ul>
      <p>{closing}</p>
    </>
  );
}
