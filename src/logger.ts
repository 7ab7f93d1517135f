/** The little the gateway says while it starts (index progress and warnings). Never secrets, never payloads. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}
