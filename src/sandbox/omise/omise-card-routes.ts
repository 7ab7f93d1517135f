import { json, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { readParams, type OmiseParams } from './omise-body';
import { badRequest, notFound } from './omise-errors';
import { parseListQuery } from './omise-list-params';
import { listEnvelope, renderDeleted } from './omise-render';
import type { OmiseState } from './omise-state';
import type { OmiseCard, OmiseCustomerRecord } from './omise-types';

/** `GET /customers/{id}/cards`: the customer's cards as an Omise list (same parameters as every list). */
export function listCards(state: OmiseState, request: SandboxRequest, id: string): SandboxResponse {
  const record = state.store.get(id);
  if (record === undefined) return notFound('customer', id);
  const parsed = parseListQuery(request.query, state.now());
  if ('error' in parsed) return parsed.error;
  const { list } = parsed;
  const inWindow = record.cards.filter((card) => {
    const created = Date.parse(card.created_at);
    return created >= list.fromMs && created <= list.toMs;
  });
  const ordered = list.order === 'chronological' ? inWindow : [...inWindow].reverse();
  const data = ordered.slice(list.offset, list.offset + list.limit);
  return json(200, listEnvelope(data, { ...list, total: inWindow.length, location: `/customers/${id}/cards` }));
}

export function retrieveCard(state: OmiseState, id: string, cardId: string): SandboxResponse {
  const found = findCard(state, id, cardId);
  if ('error' in found) return found.error;
  return json(200, found.card);
}

/** `PATCH /customers/{id}/cards/{card_id}`: the holder details the card API lets a merchant correct. */
export function updateCard(state: OmiseState, request: SandboxRequest, id: string, cardId: string): SandboxResponse {
  const found = findCard(state, id, cardId, true);
  if ('error' in found) return found.error;
  const parsed = readParams(request);
  if ('error' in parsed) return badRequest(parsed.error);
  const changes = cardChanges(parsed.params);
  if ('error' in changes) return changes.error;
  const updated: OmiseCard = { ...found.card, ...changes.card };
  found.record.cards[found.index] = updated;
  state.store.touched();
  return json(200, updated);
}

/** `DELETE /customers/{id}/cards/{card_id}`: when the default card goes, the latest card added becomes the default. */
export function destroyCard(state: OmiseState, id: string, cardId: string): SandboxResponse {
  const found = findCard(state, id, cardId, true);
  if ('error' in found) return found.error;
  found.record.cards.splice(found.index, 1);
  if (found.record.defaultCard === cardId) found.record.defaultCard = found.record.cards.at(-1)?.id ?? null;
  state.store.touched();
  return json(200, renderDeleted('card', cardId));
}

/** `GET /customers/{id}/schedules`: the sandbox holds no charge schedules, so every customer's list is empty. */
export function listSchedules(state: OmiseState, request: SandboxRequest, id: string): SandboxResponse {
  if (!state.store.has(id)) return notFound('customer', id);
  const parsed = parseListQuery(request.query, state.now());
  if ('error' in parsed) return parsed.error;
  return json(200, listEnvelope([], { ...parsed.list, total: 0, location: `/customers/${id}/schedules` }));
}

function findCard(state: OmiseState, id: string, cardId: string, writing = false):
  { record: OmiseCustomerRecord; card: OmiseCard; index: number } | { error: SandboxResponse } {
  const record = state.store.get(id);
  if (record === undefined || (writing && record.deleted)) return { error: notFound('customer', id) };
  const index = record.cards.findIndex((card) => card.id === cardId);
  const card = record.cards[index];
  if (card === undefined) return { error: notFound('card', cardId) };
  return { record, card, index };
}

const TEXT_FIELDS = ['name', 'city', 'postal_code'] as const;

function cardChanges(params: OmiseParams): { card: Partial<OmiseCard> } | { error: SandboxResponse } {
  const card: Partial<OmiseCard> = {};
  for (const field of TEXT_FIELDS) {
    const value = params[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { error: badRequest(`${field} must be a string`) };
    card[field] = value;
  }
  const month = wholeNumber(params.expiration_month);
  if (month === null || (month !== undefined && (month < 1 || month > 12))) return { error: badRequest('expiration_month is invalid') };
  if (month !== undefined) card.expiration_month = month;
  const year = wholeNumber(params.expiration_year);
  if (year === null || (year !== undefined && (year < 1000 || year > 9999))) return { error: badRequest('expiration_year is invalid') };
  if (year !== undefined) card.expiration_year = year;
  return { card };
}

/** Form fields arrive as strings, JSON as numbers: both are read. Undefined when absent, null when not a whole number. */
function wholeNumber(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : null;
}
