import { isPlainObject, type SandboxResponse } from '../shared/sandbox-http';
import type { OmiseParams } from './omise-body';
import { badRequest, notFound } from './omise-errors';
import type { OmiseMetadata } from './omise-types';

/** A checked create or update: only the fields given, each already valid. */
export interface OmiseCustomerWrite {
  email?: string | null;
  description?: string | null;
  metadata?: OmiseMetadata;
  /** A token id to save as a new card. */
  card?: string;
  /** Update only: one of the customer's card ids. */
  defaultCard?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOKEN = /^tokn_(test_)?[0-9a-z]+$/;

/**
 * Checks every field before anything is written, so a bad request never leaves half a change behind. Unknown
 * fields are ignored: the docs do not say Omise rejects them and its SDKs only send documented ones. An empty
 * string (what a form field `email=` sends) clears a text field, like JSON null.
 */
export function validateCustomerWrite(params: OmiseParams, kind: 'create' | 'update'): { write: OmiseCustomerWrite } | { error: SandboxResponse } {
  const write: OmiseCustomerWrite = {};
  if (params.email !== undefined) {
    const email = params.email;
    if (email === null || email === '') write.email = null;
    else if (typeof email === 'string' && EMAIL.test(email.trim())) write.email = email.trim();
    else return { error: badRequest('email is invalid') };
  }
  if (params.description !== undefined) {
    const description = params.description;
    if (description === null || description === '') write.description = null;
    else if (typeof description === 'string') write.description = description;
    else return { error: badRequest('description must be a string') };
  }
  if (params.metadata !== undefined) {
    const metadata = params.metadata;
    if (metadata === null || metadata === '') write.metadata = {};
    else if (isPlainObject(metadata)) write.metadata = { ...metadata };
    else return { error: badRequest('metadata must be an object') };
  }
  if (params.card !== undefined) {
    const card = params.card;
    if (typeof card !== 'string' || card === '') return { error: badRequest('card must be a token id') };
    // Omise looks the token up; an id that is not a token's shape cannot exist.
    if (!TOKEN.test(card)) return { error: notFound('token', card) };
    write.card = card;
  }
  if (kind === 'update' && params.default_card !== undefined) {
    if (typeof params.default_card !== 'string' || params.default_card === '') return { error: badRequest('default_card must be a card id') };
    write.defaultCard = params.default_card;
  }
  if (params.linked_account !== undefined) {
    if (typeof params.linked_account !== 'string' || params.linked_account === '') return { error: badRequest('linked_account must be an id') };
    // Direct-debit accounts are linked through flows the sandbox does not serve, so it holds none to attach.
    return { error: notFound('linked_account', params.linked_account) };
  }
  return { write };
}
