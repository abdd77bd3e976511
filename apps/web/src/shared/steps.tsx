import { steps as msg } from '../messages/shared.ts';
/**
 * A long form's steps and where the person is: a bar ("étape 2 sur 4") and the steps named, the
 * current one marked for screen readers (aria-current). With `onGo`, each step is a button that
 * opens it: a form saved as a draft can be reread and changed in any order.
 */
export function Steps({
  label,
  steps,
  current,
  onGo,
}: {
  readonly label: string;
  readonly steps: readonly string[];
  readonly current: number;
  readonly onGo?: (index: number) => void;
}) {
  return (
    <div className="steps-progress">
      <progress
        value={current + 1}
        max={steps.length}
        aria-label={msg.etapeSur(label, current + 1, steps.length)}
      />
      <ol className="steps" aria-label={label}>
        {steps.map((name, index) => (
          <li key={name} aria-current={index === current ? 'step' : undefined}>
            {onGo && index !== current ? (
              <button type="button" className="link" onClick={() => onGo(index)}>
                {index + 1}. {name}
              </button>
            ) : (
              `${index + 1}. ${name}`
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
