/** The rules engine's explanation, step by step, as the member reads it. */
export function ExplanationSteps({ steps }: { readonly steps: unknown }) {
  const list = Array.isArray(steps) ? (steps as { step: string; text: string }[]) : [];
  return (
    <ol className="explanation">
      {list.map((step, index) => (
        <li key={`${String(index)}-${step.step}`}>{step.text}</li>
      ))}
    </ol>
  );
}
