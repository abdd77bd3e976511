// Dates of birth a person can have, judged against the committee's day: nobody is born after
// today, and an agent is of working age. The browser and the server apply the same rule, so a
// child "born in 2031" is refused on its field before anything is sent, and again on arrival.
import type { InputIssueAnswer } from './errors.ts';

/** The youngest an agent can be (apprentices). */
export const AGENT_MINIMUM_AGE = 15;

const yearsBefore = (day: string, years: number): string =>
  `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** What is wrong with a date of birth, for a person (`agent`: the member themself), or null. */
export function birthDateProblem(
  birthDate: string,
  today: string,
  who: 'agent' | 'person',
): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null; // the format has its own message
  if (birthDate > today)
    return `la date de naissance est après aujourd’hui : vérifiez l’année (par exemple ${yearsBefore(today, who === 'agent' ? 40 : 8)})`;
  if (who === 'agent' && birthDate > yearsBefore(today, AGENT_MINIMUM_AGE))
    return `un agent a au moins ${AGENT_MINIMUM_AGE} ans : vérifiez l’année de naissance (par exemple ${yearsBefore(today, 40)})`;
  return null;
}

/** The issues of several dates of birth at once, each at its path. */
export function birthDateIssues(
  dates: readonly { path: string; birthDate: string | undefined; who: 'agent' | 'person' }[],
  today: string,
): InputIssueAnswer[] {
  return dates.flatMap(({ path, birthDate, who }) => {
    const message = birthDate ? birthDateProblem(birthDate, today, who) : null;
    return message ? [{ path, message }] : [];
  });
}

/** The dates of birth a sign-up request gives, with their paths. */
export const signUpBirthDates = (request: {
  identity: { birthDate: string };
  family: {
    spouse?: { birthDate: string } | undefined;
    children: readonly { birthDate: string }[];
  };
}) => [
  { path: 'identity.birthDate', birthDate: request.identity.birthDate, who: 'agent' as const },
  {
    path: 'family.spouse.birthDate',
    birthDate: request.family.spouse?.birthDate,
    who: 'person' as const,
  },
  ...request.family.children.map((child, i) => ({
    path: `family.children.${i}.birthDate`,
    birthDate: child.birthDate,
    who: 'person' as const,
  })),
];

/** The dates of birth of a Fiche Agent's ayants droit, with their paths. */
export const recordBirthDates = (record: { dependants: readonly { birthDate: string }[] }) =>
  record.dependants.map((d, i) => ({
    path: `dependants.${i}.birthDate`,
    birthDate: d.birthDate,
    who: 'person' as const,
  }));
