import type { CustomerState, Meter, Money, PaymentMethod, Subscription } from '../providers/spec/provider';
import { builder } from './builder';
import { EntitlementType } from './entitlement';

// Not "Subscription": that name would make this object the schema's subscription root.
const SubscriptionType = builder.objectRef<Subscription>('BillingSubscription').implement({
  description: 'A subscription the customer holds at a billing provider (Polar active subscriptions, ...).',
  fields: (t) => ({
    id: t.exposeString('id'),
    status: t.exposeString('status'),
    productId: t.exposeString('productId', { nullable: true }),
    amount: t.exposeInt('amount', { nullable: true, description: 'In the smallest currency unit (cents).' }),
    currency: t.field({ type: 'Currency', nullable: true, resolve: (subscription) => subscription.currency?.toUpperCase() ?? null }),
    interval: t.exposeString('interval', { nullable: true }),
    currentPeriodStart: t.field({ type: 'DateTime', nullable: true, resolve: (subscription) => subscription.currentPeriodStart }),
    currentPeriodEnd: t.field({ type: 'DateTime', nullable: true, resolve: (subscription) => subscription.currentPeriodEnd }),
    cancelAtPeriodEnd: t.exposeBoolean('cancelAtPeriodEnd'),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (subscription) => subscription.startedAt }),
  }),
});

const MeterType = builder.objectRef<Meter>('Meter').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    meterId: t.exposeString('meterId'),
    name: t.exposeString('name', { nullable: true }),
    consumedUnits: t.exposeFloat('consumedUnits'),
    creditedUnits: t.exposeFloat('creditedUnits'),
    balance: t.exposeFloat('balance'),
  }),
});

const MoneyType = builder.objectRef<Money>('Money').implement({
  fields: (t) => ({
    amount: t.exposeString('amount', { description: 'A decimal string, exactly as the provider reports it.' }),
    currency: t.field({ type: 'Currency', nullable: true, resolve: (money) => money.currency?.toUpperCase() ?? null }),
  }),
});

const PaymentMethodType = builder.objectRef<PaymentMethod>('PaymentMethod').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    type: t.exposeString('type'),
    brand: t.exposeString('brand', { nullable: true }),
    last4: t.exposeString('last4', { nullable: true }),
    expirationMonth: t.exposeInt('expirationMonth', { nullable: true }),
    expirationYear: t.exposeInt('expirationYear', { nullable: true }),
    isDefault: t.exposeBoolean('isDefault'),
  }),
});

export const CustomerStateType = builder.objectRef<CustomerState>('CustomerState').implement({
  description: 'What the customer has right now; each provider fills what it knows.',
  fields: (t) => ({
    subscriptions: t.field({ type: [SubscriptionType], resolve: (state) => state.subscriptions }),
    entitlements: t.field({ type: [EntitlementType], resolve: (state) => state.entitlements }),
    meters: t.field({ type: [MeterType], resolve: (state) => state.meters }),
    balance: t.field({ type: MoneyType, nullable: true, resolve: (state) => state.balance }),
    paymentMethods: t.field({ type: [PaymentMethodType], resolve: (state) => state.paymentMethods }),
    verification: t.exposeString('verification', { nullable: true, description: 'Identity verification (KYC) status.' }),
    accessDeniedReason: t.exposeString('accessDeniedReason', { nullable: true }),
  }),
});
