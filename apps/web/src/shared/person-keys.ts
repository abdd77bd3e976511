/**
 * A person's key in a form's list of the household: `member`, or `d` and the dependant's index
 * in the Fiche Agent — not a bare number, which a JavaScript object lists before every other key
 * (« Moi » came last).
 */
export const personKey = (index: number | null): string =>
  index === null ? 'member' : `d${String(index)}`;

/** The dependant's index a key names (null: the member). */
export const indexOfKey = (key: string): number | null =>
  key === 'member' ? null : Number(key.slice(1));
