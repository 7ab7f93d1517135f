import { randomUUID } from 'node:crypto';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's `x-request-id` when it is a plain token (it reaches logs), else a fresh UUID. */
export function requestIdFor(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given !== null && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
