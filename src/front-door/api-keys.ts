import { createHash, timingSafeEqual } from 'node:crypto';
import type { Scope } from '../caller';

/** One entry of `API_KEYS`, with the key kept only as its SHA-256 digest. */
export interface ApiKey {
  name: string;
  /** SHA-256 of the key: `key` given as `sha256:<hex>`, or hashed from the plaintext at start-up. */
  digest: Buffer;
  scopes: readonly Scope[];
  /** Requests a minute this key may make; null for no limit. */
  requestsPerMinute: number | null;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The key a bearer token is, or undefined. Every entry is compared in constant time (digest against digest), so
 * the answer's timing says nothing about which key, or how much of one, matched.
 */
export function findApiKey(keys: readonly ApiKey[], token: string): ApiKey | undefined {
  const digest = sha256(token);
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(key.digest, digest) && found === undefined) found = key;
  }
  return found;
}
