import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { FieldErrors } from './api.ts';
import { api as apiMessages } from '../messages/shared.ts';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
}

/** A labelled input whose error is announced and tied to it (aria-invalid, aria-describedby). */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {input.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <FieldHint id={`${id}-hint`} hint={hint} />
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  readonly label: string;
  readonly options: Readonly<Record<string, string>>;
  readonly error?: string | undefined;
}

/** Beyond this length a chosen option may be cut on a phone: it is written out below the list. */
const LONG_OPTION = 40;

/**
 * A labelled list of choices (value → label), with its error tied to it like a Field. A long
 * option chosen is also written in full under the list, which a phone's width would cut.
 */
export function SelectField({ label, options, error, ...select }: SelectFieldProps) {
  const id = useId();
  const chosen = typeof select.value === 'string' ? options[select.value] : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {chosen && chosen.length > LONG_OPTION ? (
        <p className="chosen" aria-hidden="true">
          {chosen}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function Checkbox({ label, error, ...input }: Omit<FieldProps, 'hint'>) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's hint (what to type, with an example), tied to the input by its id. */
export function FieldHint({ id, hint }: { readonly id: string; readonly hint: ReactNode }) {
  return hint ? (
    <p className="hint" id={id}>
      {hint}
    </p>
  ) : null;
}

/** A field's error, tied to the input by its id. */
function FieldError({
  id,
  message,
}: {
  readonly id: string;
  readonly message: string | undefined;
}) {
  return message ? (
    <p className="error" id={id}>
      {message}
    </p>
  ) : null;
}

/** A list of fieldsets the person can add to and remove from (children, for instance). */
export function RepeatedFieldsets<T>({
  items,
  legend,
  addLabel,
  removeLabel,
  onAdd,
  onRemove,
  children,
}: {
  readonly items: readonly T[];
  readonly legend: (index: number) => string;
  readonly addLabel: string;
  readonly removeLabel: (index: number) => string;
  readonly onAdd: () => void;
  readonly onRemove: (index: number) => void;
  readonly children: (item: T, index: number) => ReactNode;
}) {
  return (
    <>
      {items.map((item, index) => (
        <fieldset key={index}>
          <legend>{legend(index)}</legend>
          {children(item, index)}
          <button type="button" className="secondary" onClick={() => onRemove(index)}>
            {removeLabel(index)}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={onAdd}>
          {addLabel}
        </button>
      </div>
    </>
  );
}

/**
 * The message above a form: what went wrong, read out by screen readers. When the connection
 * ended, a link opens the login page in a new tab, so that this page and what it holds stay.
 */
export function FormAlert({ message }: { readonly message: string | null }) {
  return message ? (
    <div className="alert" role="alert">
      {message}
      {message === apiMessages.connexionTerminee ? (
        <>
          {' '}
          <a href="/connexion" target="_blank" rel="noopener">
            {apiMessages.seReconnecter}
          </a>
        </>
      ) : null}
    </div>
  ) : null;
}

export function Notice({ children }: { readonly children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

/** The error of a field path, or of any path below it. */
export const errorAt = (errors: FieldErrors, path: string): string | undefined => errors[path];

/** A wide table that scrolls sideways on a phone, reachable with the keyboard. */
export function ScrollingTable({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
