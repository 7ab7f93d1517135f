import { json, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { readParams } from './omise-body';
import { cardFromToken, cardId } from './omise-cards';
import { badRequest, notFound, unprocessable } from './omise-errors';
import { parseListQuery } from './omise-list-params';
import { listEnvelope, renderCustomer, renderDeleted } from './omise-render';
import { customerId } from './omise-seed';
import { wholeSecond, type OmiseState } from './omise-state';
import type { OmiseCard, OmiseCustomerRecord } from './omise-types';
import { validateCustomerWrite, type OmiseCustomerWrite } from './omise-validation';

/** `POST /customers`: nothing is required; Omise has no uniqueness rule, so the same email may be used twice. */
export function createCustomer(state: OmiseState, request: SandboxRequest): SandboxResponse {
  const checked = checkWrite(state, request, 'create');
  if ('error' in checked) return checked.error;
  const { write } = checked;
  let id = customerId(state.ids);
  while (state.store.has(id)) id = customerId(state.ids);
  const createdAtMs = wholeSecond(state.now());
  const record: OmiseCustomerRecord = {
    id,
    sequence: state.store.nextSequence(),
    createdAtMs,
    email: write.email ?? null,
    description: write.description ?? null,
    metadata: write.metadata ?? {},
    cards: [],
    defaultCard: null,
    deleted: false,
  };
  if (write.card !== undefined) addCard(state, record, write.card, createdAtMs);
  state.store.insert(record);
  return json(200, renderCustomer(record, state.now()));
}

/**
 * `GET /customers/{id}`. A deleted customer is still answered, with `deleted: true` and no cards: the customer
 * object documents a `deleted` attribute ("Whether customer is deleted"), which only a readable deleted customer
 * can carry. Updating or deleting it again is `not_found`.
 */
export function retrieveCustomer(state: OmiseState, id: string): SandboxResponse {
  const record = state.store.get(id);
  if (record === undefined) return notFound('customer', id);
  return json(200, renderCustomer(record, state.now()));
}

/** `GET /customers`: offset pages over [from, to]; deleted customers keep their place (see the store). */
export function listCustomers(state: OmiseState, request: SandboxRequest): SandboxResponse {
  const now = state.now();
  const parsed = parseListQuery(request.query, now);
  if ('error' in parsed) return parsed.error;
  const { list } = parsed;
  const { records, total } = state.store.page(list.fromMs, list.toMs, list.offset, list.limit, list.order);
  return json(200, listEnvelope(records.map((record) => renderCustomer(record, now)), { ...list, total, location: '/customers' }));
}

/** `PATCH /customers/{id}`: `metadata` replaces the whole map, `card` adds a card, `default_card` picks one. */
export function updateCustomer(state: OmiseState, request: SandboxRequest, id: string): SandboxResponse {
  const record = state.store.get(id);
  if (record === undefined || record.deleted) return notFound('customer', id);
  const checked = checkWrite(state, request, 'update');
  if ('error' in checked) return checked.error;
  const { write } = checked;
  if (write.defaultCard !== undefined && !record.cards.some((card) => card.id === write.defaultCard)) {
    return notFound('card', write.defaultCard);
  }
  if (write.email !== undefined) record.email = write.email;
  if (write.description !== undefined) record.description = write.description;
  if (write.metadata !== undefined) record.metadata = write.metadata;
  if (write.defaultCard !== undefined) record.defaultCard = write.defaultCard;
  if (write.card !== undefined) addCard(state, record, write.card, wholeSecond(state.now()));
  state.store.touched();
  return json(200, renderCustomer(record, state.now()));
}

/** `DELETE /customers/{id}`: the customer stays readable as deleted; its saved cards are destroyed with it. */
export function destroyCustomer(state: OmiseState, id: string): SandboxResponse {
  const record = state.store.get(id);
  if (record === undefined || record.deleted) return notFound('customer', id);
  record.deleted = true;
  record.cards = [];
  record.defaultCard = null;
  state.store.touched();
  return json(200, renderDeleted('customer', id));
}

function checkWrite(state: OmiseState, request: SandboxRequest, kind: 'create' | 'update'): { write: OmiseCustomerWrite } | { error: SandboxResponse } {
  const parsed = readParams(request);
  if ('error' in parsed) return { error: badRequest(parsed.error) };
  const checked = validateCustomerWrite(parsed.params, kind);
  if ('error' in checked) return checked;
  if (checked.write.card !== undefined && state.usedTokens.has(checked.write.card)) {
    return { error: unprocessable('used_token', 'token was already used') };
  }
  return checked;
}

/** Saves a token as a card; the first card becomes the default, as the docs describe `default_card`. */
function addCard(state: OmiseState, record: OmiseCustomerRecord, token: string, createdAtMs: number): OmiseCard {
  state.usedTokens.add(token);
  let card = cardFromToken(state.seed, token, record.id, record.description, createdAtMs);
  // Two tokens could hash to one card id; draw another rather than hold two cards under one id.
  while (record.cards.some((existing) => existing.id === card.id)) card = { ...card, id: cardId(state.ids) };
  card = { ...card, location: `/customers/${record.id}/cards/${card.id}` };
  record.cards.push(card);
  record.defaultCard ??= card.id;
  return card;
}
