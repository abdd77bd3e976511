import { useEffect, useState } from 'react';
import { ApiError, refusalSentence } from './api.ts';
import { common } from '../messages/common.ts';
import { loading as msg } from '../messages/shared.ts';

/** Why what a screen reads could not be had (the API's own sentence), and how to try again. */
export interface LoadState {
  readonly failure: string | null;
  /** Whether trying again may help: no answer, a server's failure or « too many » — not a refusal. */
  readonly retryable: boolean;
  readonly retry: () => void;
  /**
   * Reads again, settling once the screen shows what was read (or why it could not be): an action
   * says what it did after its list shows it, never beside the rows it just took away.
   */
  readonly reload: () => Promise<void>;
}

const mayPass = (status: number): boolean =>
  status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * Runs `load` (which sets the screen's own state) as the screen opens, and again when `key`
 * changes: a refusal or no answer at all is kept as a sentence, never an endless « Chargement… »
 * nor an empty list that says « nothing » when nothing could be read.
 */
export function useLoad(load: () => Promise<unknown>, key = ''): LoadState {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const read = async (): Promise<void> => {
    setFailure(null);
    try {
      await load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error);
    }
  };
  useEffect(() => {
    void read();
  }, [key]);
  return {
    failure: failure && refusalSentence(failure),
    retryable: failure !== null && mayPass(failure.status),
    retry: () => void read(),
    reload: read,
  };
}

/**
 * What a page's address names, or 'missing' when the server says there is no such thing (404, or
 * 400 for an address that cannot name one); any other failure (no answer, a 503) is thrown, for
 * `useLoad` to say it and offer a retry — never « introuvable » for a dropped connection.
 */
export async function orMissing<T>(read: Promise<T>): Promise<T | 'missing'> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400))
      return 'missing';
    throw error;
  }
}

/**
 * Where the screen's content will be: « Chargement… » (or `waiting`), or why it could not be read
 * and a retry.
 */
export function Loading({
  failure,
  retryable,
  retry,
  waiting = common.loading,
}: LoadState & { readonly waiting?: string }) {
  if (failure === null) return <p role="status">{waiting}</p>;
  return (
    <div className="alert" role="alert">
      <p>{failure}</p>
      {retryable ? (
        <button type="button" onClick={retry}>
          {msg.reessayer}
        </button>
      ) : null}
    </div>
  );
}
