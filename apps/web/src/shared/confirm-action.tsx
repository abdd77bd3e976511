import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useId, useState, type ReactNode } from 'react';
import { ApiError, refusalSentence } from './api.ts';
import { common } from '../messages/common.ts';
import { confirmAction as msg } from '../messages/shared.ts';

interface ConfirmActionProps {
  /** The button that opens the dialog (its visible text). */
  readonly label: string;
  /** The dialog's question, e.g. "Refuser l’inscription de Léa Martin ?". */
  readonly title: string;
  /** What the action will do, in words: amounts, who is told, what cannot be undone. */
  readonly effect: ReactNode;
  /** The confirming button's text, e.g. "Refuser et prévenir Léa". */
  readonly confirmLabel: string;
  /** Asks for a reason, required, sent with the action (a refusal's reason is quoted in its mail). */
  readonly reasonLabel?: string;
  /** An example of a reason, given when it is missing. */
  readonly reasonExample?: string;
  /** Where the reason goes, said when it is missing (by default: quoted in the mail sent). */
  readonly reasonKept?: string;
  readonly disabled?: boolean;
  /** False while what the effect says is not known yet (loading, or refused): no confirming. */
  readonly ready?: boolean;
  /** Called as the dialog opens (to load what the effect says). */
  readonly onOpen?: () => void;
  readonly secondary?: boolean;
  readonly onConfirm: (reason: string) => void;
}

/**
 * A button for an action that cannot be undone: it opens a dialog that says what will happen and
 * acts only on a second, explicit click. With `reasonLabel`, the reason is asked for and required.
 * (Radix AlertDialog: focus kept inside, Escape and "Annuler" close without acting.)
 */
export function ConfirmAction({
  label,
  title,
  effect,
  confirmLabel,
  reasonLabel,
  reasonExample = msg.pieceJustificativeIllisible,
  reasonKept = msg.reprisCourriel,
  disabled,
  ready = true,
  secondary,
  onOpen,
  onConfirm,
}: ConfirmActionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const confirm = (event: { preventDefault(): void }) => {
    if (reasonLabel && reason.trim() === '') {
      event.preventDefault();
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
    setReason('');
    setMissing(false);
  };
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) onOpen?.();
        else setMissing(false);
      }}
    >
      <AlertDialog.Trigger asChild>
        <button type="button" className={secondary ? 'secondary' : undefined} disabled={disabled}>
          {label}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div>{effect}</div>
          </AlertDialog.Description>
          {reasonLabel ? (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
              <textarea
                id={`${id}-reason`}
                rows={3}
                maxLength={500}
                value={reason}
                aria-invalid={missing ? true : undefined}
                aria-describedby={missing ? `${id}-missing` : undefined}
                onChange={(e) => setReason(e.target.value)}
              />
              {missing ? (
                <p className="error" id={`${id}-missing`}>
                  {msg.indiquezMotifIlRepris(reasonKept, reasonExample)}
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="secondary">
                {common.cancel}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" onClick={confirm} disabled={!ready}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** The refusal of a numbered request: its reason is asked, and quoted in the mail sent. */
export function RefuseRequest({
  number,
  nothing,
  told,
  disabled,
  onConfirm,
}: {
  readonly number: number;
  /** What refusing means, e.g. "Rien ne sera versé pour cette demande." */
  readonly nothing: string;
  /** Who is told, and that the decision stays. */
  readonly told: string;
  readonly disabled: boolean;
  readonly onConfirm: (reason: string) => void;
}) {
  return (
    <ConfirmAction
      secondary
      disabled={disabled}
      label={msg.refuser(number)}
      title={msg.refuserDemande(number)}
      effect={
        <p>
          {nothing} {told}
        </p>
      }
      reasonLabel={common.refusalReason}
      confirmLabel={msg.refuserDemande2}
      onConfirm={onConfirm}
    />
  );
}

/**
 * What a confirmation says, read from the server as its dialog opens (`onOpen={open}`): the
 * figures, or why they could not be had — said in the dialog, which cannot confirm then.
 */
export function useFiguresOnOpen<T>(read: () => Promise<T>) {
  const [figures, setFigures] = useState<T | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const open = () => {
    setFigures(null);
    setRefusal(null);
    void read().then(setFigures, (error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      setRefusal(refusalSentence(error));
    });
  };
  return { figures, refusal, open };
}

/** Where a confirmation's figures will be: `waiting` while they come, or why they could not. */
export function FiguresPending({
  refusal,
  waiting,
}: {
  readonly refusal: string | null;
  readonly waiting: string;
}) {
  return refusal ? <p role="alert">{refusal}</p> : <p role="status">{waiting}</p>;
}
