/** A LIKE pattern that matches any text containing `part`, its own `%`, `_` and `\` as typed. */
export const containing = (part: string): string => `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
