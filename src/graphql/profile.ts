import type { GraphContext } from '../context';
import { askHolders } from '../loaders/holders';
import type { Customer, Entitlement } from '../providers/spec/provider';
import { checkIdentifier } from '../routing/identifier-rules';
import { builder } from './builder';
import { CustomerType } from './customer';
import { EntitlementType } from './entitlement';
import { reportPartialError } from './errors';
import { ProviderEnum } from './provider-enum';

export interface Profile {
  externalId: string;
  /** Found, in provider order. */
  customers: Customer[];
  /** Providers that answered and hold nobody under the external ID. */
  missingFrom: string[];
  /** Providers that could not answer (their error is in the response's `errors`). */
  unavailableFrom: string[];
}

/** Looks the person up at every provider at once; failures are reported beside what the others returned. */
export async function loadProfile(externalId: string, context: GraphContext, report: (error: unknown) => void): Promise<Profile> {
  const profile: Profile = { externalId, customers: [], missingFrom: [], unavailableFrom: [] };
  for (const answer of await askHolders(externalId, context.environment, context.loaders)) {
    if (answer.error !== null) {
      profile.unavailableFrom.push(answer.provider);
      report(answer.error);
    } else if (answer.customer === null) {
      profile.missingFrom.push(answer.provider);
    } else {
      profile.customers.push(answer.customer);
    }
  }
  return profile;
}

export const CustomerProfileType = builder.objectRef<Profile>('CustomerProfile').implement({
  description: 'One person at every provider, joined by external ID.',
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    customers: t.field({ type: [CustomerType], resolve: (profile) => profile.customers }),
    missingFrom: t.field({ type: [ProviderEnum], description: 'Providers that hold nobody under this external ID.', resolve: (profile) => profile.missingFrom }),
    unavailableFrom: t.field({
      type: [ProviderEnum],
      description: 'Providers that could not answer; whether they hold the person is unknown (see `errors`).',
      resolve: (profile) => profile.unavailableFrom,
    }),
    email: t.field({ type: 'EmailAddress', nullable: true, resolve: (profile) => profile.customers.find((customer) => customer.email)?.email ?? null }),
    name: t.string({ nullable: true, resolve: (profile) => profile.customers.find((customer) => customer.name)?.name ?? null }),
    entitlements: t.field({
      type: [EntitlementType],
      description: 'Entitlements from every provider that grants them, each with its source.',
      resolve: async (profile, _args, context, info) => {
        const outcomes = await Promise.allSettled(profile.customers.map((customer) => context.loaders.customerState(customer)));
        const merged: Entitlement[] = [];
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') merged.push(...outcome.value.entitlements);
          else reportPartialError(context, info, outcome.reason);
        }
        return merged;
      },
    }),
  }),
});

builder.objectField(CustomerType, 'profile', (t) =>
  t.field({
    type: CustomerProfileType,
    nullable: true,
    description: 'The same person across all providers; null without an external ID.',
    resolve: (customer, _args, context, info) =>
      customer.externalId === null ? null : loadProfile(customer.externalId, context, (error) => reportPartialError(context, info, error)),
  }),
);

builder.queryFields((t) => ({
  profile: t.field({
    type: CustomerProfileType,
    nullable: true,
    description: 'The person behind an external ID at every provider; null when no provider holds them.',
    args: { externalId: t.arg.string({ required: true }) },
    resolve: async (_root, { externalId }, context, info) => {
      const profile = await loadProfile(checkIdentifier(externalId, 'externalId'), context, (error) => reportPartialError(context, info, error));
      return profile.customers.length === 0 && profile.unavailableFrom.length === 0 ? null : profile;
    },
  }),
}));
