import { z } from 'zod';

/** Field-level problem, in French: `path` is dotted (`household.children.0.birthDate`). */
export const inputIssue = z.object({ path: z.string(), message: z.string() });
export type InputIssueAnswer = z.infer<typeof inputIssue>;

/** 400: the request does not have the expected form. */
export const invalidInputAnswer = z.object({
  error: z.literal('invalid_input'),
  issues: z.array(inputIssue),
});

/** Any other 4xx: a stable code and a French sentence. */
export const errorAnswer = z.object({ error: z.string(), message: z.string() });
export type ErrorAnswer = z.infer<typeof errorAnswer>;

/**
 * How many issues an answer lists at most: more than any form has fields (a Fiche Agent with
 * twenty dependants has about a hundred), and a request of a megabyte of faults still gets a
 * short answer.
 */
export const MOST_ISSUES = 200;

/** The issues of a failed zod parse, as the API reports them: the first MOST_ISSUES. */
export function issuesOf(error: z.ZodError): InputIssueAnswer[] {
  return error.issues.slice(0, MOST_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
