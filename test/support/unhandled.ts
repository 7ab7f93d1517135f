/** Records unhandled rejections while a suite runs, so a test can assert that none happened. */
export function watchUnhandledRejections(): { seen(): unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen: () => [...seen], stop: () => process.off('unhandledRejection', listener) };
}
