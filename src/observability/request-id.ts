import { randomUUID } from 'node:crypto';

export const requestIdHeader = 'x-request-id';

// A caller's id is echoed into logs and a response header: only a plain token is taken, never arbitrary text.
const acceptable = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is a plain token, a fresh UUID otherwise. */
export function requestIdFor(headers: Headers): string {
  const sent = headers.get(requestIdHeader)?.trim();
  return sent !== undefined && acceptable.test(sent) ? sent : randomUUID();
}
