import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger as AppLogger } from 'pino';

export interface LoggingOptions {
  /** pino level: trace, debug, info, warn, error, fatal or silent. @default 'info' (env `LOG_LEVEL`) */
  level: string;
  /** Human-readable lines (pino-pretty) instead of JSON: development with stdout on a terminal. */
  pretty: boolean;
}

// Anything that could carry a credential is censored wherever it appears in a logged object.
const redact: LoggerOptions['redact'] = {
  paths: [
    'authorization', '*.authorization', '*.*.authorization', 'headers.authorization', '*.headers.authorization',
    'apiKey', '*.apiKey', 'api_key', '*.api_key', 'key', '*.key', 'secret', '*.secret', 'password', '*.password',
    'cookie', '*.cookie', 'headers["x-api-key"]', '*.headers["x-api-key"]', 'idempotencyKey', '*.idempotencyKey',
  ],
  censor: '[redacted]',
};

/**
 * JSON lines on stdout, one object per event, with ISO timestamps and level names. pino-pretty is a development
 * dependency: when it is not installed (a production install) the output stays JSON.
 */
export async function createLogger(options: LoggingOptions, destination?: pino.DestinationStream): Promise<Logger> {
  const base: LoggerOptions = {
    level: options.level,
    base: { service: 'customer-graph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact,
  };
  if (options.pretty && destination === undefined) {
    const pretty = await import('pino-pretty').then((module) => module.default).catch(() => null);
    if (pretty !== null) return pino(base, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }));
  }
  return destination === undefined ? pino(base) : pino(base, destination);
}

/** For tests and benchmarks that want no output. */
export const silentPino: Logger = pino({ level: 'silent' });
