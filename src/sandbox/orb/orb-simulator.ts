import { IdempotencyStore, requestFingerprint } from '../shared/idempotency';
import { credential, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import type { FaultResponseKind, SimulatorFactory } from '../shared/simulator';
import { issue, orbErrors } from './orb-errors';
import { orbRouter } from './orb-routes';
import { seedOrbCustomers } from './orb-seed';
import { OrbCustomerStore } from './orb-store';
import { orbWebhooks } from './orb-webhooks';

/** Orb refuses longer keys (docs: idempotency). */
const MAX_IDEMPOTENCY_KEY_LENGTH = 64;
/** Orb honours `Idempotency-Key` on these methods only and ignores it on GET, PUT and DELETE. */
const IDEMPOTENT_METHODS = new Set(['POST', 'PATCH']);

/** Orb's customer API (`/orb/v1`), in memory: `orb.md` is the reference for every status and body. */
export const createOrbSimulator: SimulatorFactory = (context) => {
  const store = new OrbCustomerStore();
  seedOrbCustomers(context, store);
  const router = orbRouter({ store, now: () => context.now(), ids: context.random('orb:runtime-ids'), gateway: context.random('orb:gateway') });
  const idempotency = new IdempotencyStore();

  const handle = async (request: SandboxRequest): Promise<SandboxResponse> => {
    const token = credential(request.headers, 'Bearer');
    if (token === null) return orbErrors.unauthenticated();
    const match = router.match(request.method, request.path);
    // Orb answers an unknown path or method alike: the URL is not found.
    if (match === null || match === 'method-not-allowed') return orbErrors.urlNotFound(request.method, request.path);
    const execute = async (): Promise<SandboxResponse> => {
      try {
        return await match.handler(request, match.params);
      } catch (error) {
        // A bug must surface as Orb's 500, never as a dropped connection or a half-applied write.
        console.error('orb simulator: unhandled error', error);
        return orbErrors.server(500);
      }
    };
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' && header !== '' ? header : null;
    if (key === null || !IDEMPOTENT_METHODS.has(request.method)) return execute();
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return orbErrors.validation([issue(['header', 'Idempotency-Key'], `ensure this value has at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, 'value_error.any_str.max_length')]);
    }
    const echo = { 'idempotency-key': key };
    // Keys belong to an account; the API key stands in for the account here.
    return idempotency.run(`${token}\u0000${key}`, requestFingerprint(request.method, request.path, request.body), async () => {
      const response = await execute();
      // The stored answer must be the first one: snapshot it, since the payload is the live customer record.
      const snapshot = response.json === undefined ? undefined : structuredClone(response.json);
      return { ...response, json: snapshot, headers: { ...response.headers, ...echo } };
    }, {
      mismatch: () => withHeaders(orbErrors.conflict('This idempotency key was already used for a request with different parameters.'), echo),
      concurrent: () => withHeaders(orbErrors.conflict('A request with this idempotency key is already in progress.'), echo),
      replayHeaders: { 'idempotent-replayed': 'true' },
    });
  };

  return {
    name: 'orb',
    basePath: '/orb/v1',
    handle,
    faultResponse: (fault: FaultResponseKind) => {
      if (fault.kind === 'rate-limit') return orbErrors.tooManyRequests(fault.enforced === true ? null : fault.retryAfterSeconds);
      if (fault.status >= 500) return orbErrors.server(fault.status);
      if (fault.status === 401) return orbErrors.unauthenticated();
      if (fault.status === 409) return orbErrors.conflict('The request conflicts with another request.');
      if (fault.status === 429) return orbErrors.tooManyRequests(1);
      return orbErrors.other(fault.status);
    },
    customerCount: () => store.count(),
    webhooks: orbWebhooks,
  };
};

function withHeaders(response: SandboxResponse, headers: Record<string, string>): SandboxResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}
