import { existsSync } from 'node:fs';

/** Debian's chromium (`.ci/run` installs it when missing). Absent, a browser test says so rather than skipping. */
export function chromiumPath(): string {
  const path = '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`${path} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
  return path;
}
