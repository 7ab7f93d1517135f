/** The little the gateway logs: start-up progress and warnings. Never secrets, never payloads. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };
