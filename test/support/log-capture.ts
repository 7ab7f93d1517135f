import pino from 'pino';
import { createLogger, type AppLogger } from '../../src/observability/logger';

/** A real pino logger (same options as production) whose JSON lines land in `lines`. */
export async function capturingLogger(level = 'debug'): Promise<{ logger: AppLogger; lines: Record<string, unknown>[]; raw: string[] }> {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination: pino.DestinationStream = {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  return { logger: await createLogger({ level, pretty: false }, destination), lines, raw };
}
