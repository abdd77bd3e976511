/** A problem with one field of the input, in French, with the path of the field. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export type RulesErrorCode =
  'invalid_input' | 'invalid_pack' | 'unknown_pack' | 'missing_parameter' | 'not_allowed';

/**
 * The only error the engine throws. `code` is stable (for programs), `message` is French
 * (for people), `issues` names every faulty field.
 */
export class RulesError extends Error {
  readonly code: RulesErrorCode;
  readonly issues: readonly InputIssue[];

  constructor(code: RulesErrorCode, message: string, issues: readonly InputIssue[] = []) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
    this.issues = issues;
  }
}

/** Collects field issues while validating an input, then throws them all at once. */
export class IssueList {
  #issues: InputIssue[] | null = null;

  get issues(): readonly InputIssue[] {
    return this.#issues ?? [];
  }

  add(path: string, message: string): void {
    (this.#issues ??= []).push({ path, message });
  }

  throwIfAny(): void {
    if (this.#issues !== null) {
      const first = this.issues[0];
      throw new RulesError(
        'invalid_input',
        first ? `${first.path} : ${first.message}` : 'Saisie invalide',
        this.issues,
      );
    }
  }
}

/** The error for a parameter a pack does not define, naming the parameter. */
export function missingParameter(packId: string, parameter: string): RulesError {
  return new RulesError(
    'missing_parameter',
    `Le barème ${packId} ne définit pas le paramètre « ${parameter} ».`,
    [{ path: parameter, message: `paramètre absent du barème ${packId}` }],
  );
}
