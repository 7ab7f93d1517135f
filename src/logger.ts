/** The little the gateway says while it starts (index progress and warnings). Never secrets, never payloads. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** A pino logger at level `silent`: it is both a start-up Logger and the app's structured logger. */
export { silentPino as silentLogger } from './observability/logger';
