import type { BulkAnswer } from '@entraide/contract';
import { HttpError } from './http.ts';

/**
 * Applies a use case to each id in turn, each in its own transaction (the use case's own): one
 * refused — decided meanwhile by a colleague, outside the caller's rights — is left with the
 * reason the use case gave, and the others go on. Any other failure stops the batch.
 */
export async function oneByOne<T>(
  ids: readonly string[],
  act: (id: string) => Promise<T>,
): Promise<BulkAnswer<T>> {
  const done: T[] = [];
  const skipped: { id: string; message: string }[] = [];
  for (const id of new Set(ids)) {
    try {
      done.push(await act(id));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      skipped.push({ id, message: error.message });
    }
  }
  return { done, skipped };
}
