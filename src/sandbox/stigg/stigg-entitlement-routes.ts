import type { Router } from '../shared/router';
import { json } from '../shared/sandbox-http';
import { checkCredit, checkFeature, listEntitlements } from './stigg-entitlements';
import type { StiggCheckRequest } from './stigg-types';
import { invalidArgument } from './stigg-errors';
import { queryValue, type StiggRouteContext } from './stigg-request';

/**
 * Entitlement reads. An unknown customer is not a 404 here: Stigg answers with `CustomerNotFound` as the
 * access-denied reason (it is one of the reasons both responses document), like any other denial.
 */
export function addEntitlementRoutes(router: Router, context: StiggRouteContext): void {
  router.on('GET', '/api/v1/customers/:id/entitlements', (request, params) => {
    const customer = context.store.get(params.id as string);
    return json(200, { data: listEntitlements(customer, queryValue(request.query, 'resourceId'), context.now()) });
  });

  router.on('GET', '/api/v1/customers/:id/entitlements/check', (request, params) => {
    const { query } = request;
    const featureId = queryValue(query, 'featureId');
    const currencyId = queryValue(query, 'currencyId');
    if ((featureId === undefined) === (currencyId === undefined)) return invalidArgument('Exactly one of featureId or currencyId must be provided');
    const check: StiggCheckRequest = {};
    const rawUsage = query.get('requestedUsage');
    if (rawUsage !== null) {
      const usage = rawUsage.trim() === '' ? Number.NaN : Number(rawUsage);
      if (!Number.isFinite(usage) || usage < 0) return invalidArgument('requestedUsage must be a non-negative number');
      check.requestedUsage = usage;
    }
    if (query.has('requestedValues')) {
      // The SDK joins arrays with commas; repeated parameters are read the same way.
      check.requestedValues = query.getAll('requestedValues').flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
    }
    if (currencyId !== undefined && check.requestedValues !== undefined) return invalidArgument('requestedValues applies to enum features, not currencies');
    const customer = context.store.get(params.id as string);
    const resourceId = queryValue(query, 'resourceId');
    const data =
      featureId !== undefined
        ? checkFeature(customer, resourceId, featureId, check, context.now())
        : checkCredit(customer, resourceId, currencyId as string, check.requestedUsage, context.now());
    return json(200, { data });
  });
}
