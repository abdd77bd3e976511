import { useId, useState, type ReactNode } from 'react';
import { FieldHint } from './form.tsx';
import { filePicker as msg } from '../messages/shared.ts';

/**
 * A file field whose button speaks French whatever the browser's language ("Choisir un
 * fichier…", then the file's name): the native input stays, visually hidden but focusable and
 * named by its label, so the keyboard and screen readers use it as usual.
 */
export function FilePicker({
  label,
  accept,
  hint,
  error,
  errorRole,
  disabled,
  onFile,
}: {
  readonly label: string;
  /** The types offered by the picker, e.g. "application/pdf,.pdf". */
  readonly accept: string;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  /** "alert" when the error comes from an upload the person just made. */
  readonly errorRole?: 'alert';
  readonly disabled?: boolean;
  readonly onFile: (file: File) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const described = [hint ? `${id}-hint` : '', `${id}-chosen`, error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field file-picker">
      <input
        id={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setChosen(file.name);
          onFile(file);
          // The same file chosen again (after a refusal) is sent again.
          e.target.value = '';
        }}
      />
      <label htmlFor={id}>
        {label}
        <span className="file-button" aria-hidden="true">
          {msg.choisirFichier}
        </span>
      </label>
      <FieldHint id={`${id}-hint`} hint={hint} />
      <p className="hint" id={`${id}-chosen`}>
        {chosen ? msg.dernierFichierChoisi(chosen) : msg.aucunFichierChoisi}
      </p>
      {error ? (
        <p className="error" id={`${id}-error`} role={errorRole}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
