import { omiseWebhookReceiver } from './omise/omise-webhooks';
import { orbWebhookReceiver } from './orb/orb-webhooks';
import { polarWebhookReceiver } from './polar/polar-webhooks';
import { stiggWebhookReceiver } from './stigg/stigg-webhooks';
import { syncteraWebhookReceiver } from './synctera/synctera-webhooks';
import type { WebhookReceiver } from './webhooks';

/** Each provider's webhook verification and reading, by provider name. */
export const webhookReceivers: Readonly<Record<string, WebhookReceiver>> = {
  orb: orbWebhookReceiver,
  stigg: stiggWebhookReceiver,
  omise: omiseWebhookReceiver,
  polar: polarWebhookReceiver,
  synctera: syncteraWebhookReceiver,
};
