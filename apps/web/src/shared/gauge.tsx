/** Colours of a gauge's parts, each at least 3:1 against the page (WCAG non-text contrast). */
const PART_CLASSES = ['part-1', 'part-2', 'part-3', 'part-4'] as const;

/** The class of a gauge's part (and of its swatch in a legend), by its place. */
export const partClass = (index: number): string =>
  PART_CLASSES[index % PART_CLASSES.length] ?? 'part-1';

/**
 * A bar standing for `total`, its parts side by side in their order, the rest empty; an image
 * whose label says it in words (colour is never the only sign).
 */
export function Gauge({
  label,
  total,
  parts,
}: {
  readonly label: string;
  readonly total: number;
  readonly parts: readonly { key: string; cents: number }[];
}) {
  return (
    <div className="gauge" role="img" aria-label={label}>
      {parts.map((part, i) => (
        <span
          key={part.key}
          className={partClass(i)}
          style={{ width: `${Math.min(100, (part.cents / Math.max(1, total)) * 100)}%` }}
        />
      ))}
    </div>
  );
}
