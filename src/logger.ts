import pino, { type Logger as PinoLogger } from 'pino';

/** The little the gateway says while it starts (index progress and warnings). Never secrets, never payloads. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * A pino logger at level `silent`: it is both a start-up Logger and the app's structured logger. Made here from
 * pino itself, not taken from `observability/`, so this leaf that every layer imports points at no folder.
 */
export const silentLogger: PinoLogger = pino({ level: 'silent' });
