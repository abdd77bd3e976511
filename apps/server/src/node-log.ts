import { pino } from 'pino';
import { HIDDEN_FROM_LOGS } from './request-logs.ts';

/**
 * What a node says of itself beside its requests' logs: migrations applied, its warm-up, its
 * jobs' work, a connection to PostgreSQL lost. In production one JSON line each, as pino writes
 * the requests' (`level`, `time`, `msg`), so that a log pipeline reads every line of the node's
 * output; in development plain text, for a person at a terminal.
 */
export interface NodeLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

/** Plain text on the console: development, tests and scripts. */
export const consoleLog: NodeLog = {
  info: (message) => {
    console.log(message);
  },
  warn: (message) => {
    console.warn(message);
  },
  error: (message, error) => {
    console.error(message, error);
  },
};

/** JSON lines on standard output in production, plain text otherwise. */
export function nodeLog(production: boolean): NodeLog {
  if (!production) return consoleLog;
  const logger = pino({ level: 'info', redact: HIDDEN_FROM_LOGS });
  return {
    info: (message) => {
      logger.info(message);
    },
    warn: (message) => {
      logger.warn(message);
    },
    error: (message, error) => {
      logger.error({ err: error }, message);
    },
  };
}
