import type { Random } from '../shared/random';
import { json, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import type { PolarCatalog } from './polar-catalog';
import { polarNotFound, polarValidation, type PolarValidationIssue } from './polar-errors';
import { polarCustomersCsv } from './polar-export';
import { ensurePolarHistory } from './polar-history';
import { hasPolarFilters, matchesPolarQuery, parsePolarListQuery, readOrganizationIds } from './polar-list-query';
import { readUuid4 } from './polar-request-body';
import { serializePolarCustomer, serializePolarState } from './polar-serialize';
import type { PolarCustomerStore } from './polar-store';
import type { PolarCustomerRecord } from './polar-types';

export interface PolarWorld {
  store: PolarCustomerStore;
  catalog: PolarCatalog;
  /** Ids of records created at run time. */
  random: Random;
  /** Named streams, for drawing seeded histories lazily. */
  streams(stream: string): Random;
  now(): Date;
}

/** How a path names the customer: by id (a UUID4, checked) or by external ID (any string). */
export type PolarTarget = { id: string } | { externalId: string };

export function resolvePolarTarget(world: PolarWorld, target: PolarTarget): PolarCustomerRecord | SandboxResponse {
  if ('externalId' in target) return world.store.getByExternalId(target.externalId) ?? polarNotFound();
  const issues: PolarValidationIssue[] = [];
  const id = readUuid4(target.id, ['path', 'id'], issues);
  if (id === undefined) return polarValidation(issues);
  return world.store.get(id) ?? polarNotFound();
}

export function isPolarResponse(value: PolarCustomerRecord | SandboxResponse): value is SandboxResponse {
  return 'status' in value;
}

export function listPolarCustomers(world: PolarWorld, request: SandboxRequest): SandboxResponse {
  const query = parsePolarListQuery(request.query);
  if (Array.isArray(query)) return polarValidation(query);
  const ordered = world.store.sorted(query.sorting);
  const matching = hasPolarFilters(query) ? ordered.filter((record) => matchesPolarQuery(record, query)) : ordered;
  const start = (query.page - 1) * query.limit;
  return json(200, {
    items: matching.slice(start, start + query.limit).map(serializePolarCustomer),
    pagination: { total_count: matching.length, max_page: Math.ceil(matching.length / query.limit) },
  });
}

export function exportPolarCustomers(world: PolarWorld, request: SandboxRequest): SandboxResponse {
  const issues: PolarValidationIssue[] = [];
  const organizationIds = readOrganizationIds(request.query, issues);
  if (issues.length > 0) return polarValidation(issues);
  const oldestFirst = world.store.sorted([{ field: 'created_at', descending: false }]);
  return polarCustomersCsv(organizationIds === null ? oldestFirst : oldestFirst.filter((record) => organizationIds.includes(record.organizationId)));
}

export function getPolarCustomer(world: PolarWorld, target: PolarTarget): SandboxResponse {
  const record = resolvePolarTarget(world, target);
  return isPolarResponse(record) ? record : json(200, serializePolarCustomer(record));
}

export function getPolarCustomerState(world: PolarWorld, target: PolarTarget): SandboxResponse {
  const record = resolvePolarTarget(world, target);
  if (isPolarResponse(record)) return record;
  ensurePolarHistory(record, world.catalog, world.streams);
  return json(200, serializePolarState(record, world.catalog));
}

