import type { Router } from '../shared/router';
import { json } from '../shared/sandbox-http';
import { importBodyProblem } from './stigg-customer-body';
import { newCustomerRecord } from './stigg-customer-routes';
import { invalidArgument } from './stigg-errors';
import { objectBody, type StiggRouteContext } from './stigg-request';

/**
 * `POST /api/v1/customers/import` → `{data: {newCustomers: [ids]}}`. Ids that already exist (or repeat within
 * the request) are not new and are left as they are: the endpoint is for migrations, and overwriting a live
 * customer from a migration file is the riskier reading of undocumented behaviour. The status (200) is
 * undocumented too.
 */
export function addImportRoute(router: Router, context: StiggRouteContext): void {
  router.on('POST', '/api/v1/customers/import', (request) => {
    const parsed = objectBody(request.body);
    if (!parsed.ok) return parsed.response;
    const problem = importBodyProblem(parsed.body);
    if (problem !== null) return invalidArgument(problem);
    const newCustomers: string[] = [];
    for (const item of parsed.body.customers as Record<string, unknown>[]) {
      const id = item.id as string;
      if (context.store.has(id)) continue;
      const record = newCustomerRecord(context, id);
      record.email = (item.email as string | null) ?? null;
      record.name = (item.name as string | null) ?? null;
      record.billingId = typeof item.billingId === 'string' ? item.billingId : null;
      record.metadata = { ...((item.metadata as Record<string, string> | undefined) ?? {}) };
      if (typeof item.updatedAt === 'string') record.updatedAt = new Date(item.updatedAt);
      context.store.insert(record);
      newCustomers.push(id);
    }
    return json(200, { data: { newCustomers } });
  });
}
