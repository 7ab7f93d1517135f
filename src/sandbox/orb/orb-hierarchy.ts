import type { SandboxResponse } from '../shared/sandbox-http';
import { issue, orbErrors } from './orb-errors';
import type { OrbCustomerStore } from './orb-store';
import type { OrbCustomer, OrbCustomerMinified, OrbCustomerRecord } from './orb-types';
import type { OrbCustomerInput } from './orb-validation';

/**
 * Orb's parent/child customers. A request's hierarchy is checked in full before anything changes, so a bad id
 * leaves every customer as it was; `plan` returns the change to apply once the rest of the write is accepted too.
 */
export function planHierarchy(
  store: OrbCustomerStore,
  selfId: string,
  hierarchy: OrbCustomerInput['hierarchy'],
): { error: SandboxResponse } | { apply: (self: OrbCustomer) => void } {
  if (hierarchy === undefined || hierarchy === null) return { apply: () => undefined };
  const { parent_customer_id: parentId, child_customer_ids: childIds } = hierarchy;
  const related = [...(typeof parentId === 'string' ? [parentId] : []), ...(childIds ?? [])];
  for (const id of related) {
    if (id === selfId) return { error: orbErrors.validation([issue(['hierarchy'], 'a customer cannot be its own parent or child')]) };
    const record = store.get(id);
    if (record === undefined || record.deleted) return { error: orbErrors.notFound(id) };
  }
  return {
    apply: (self) => {
      if (parentId !== undefined) {
        detachFromParent(store, self);
        if (parentId !== null) link(store.get(parentId) as OrbCustomerRecord, self);
      }
      if (childIds !== undefined) {
        for (const child of self.hierarchy.children) {
          const record = store.get(child.id);
          if (record !== undefined) record.customer.hierarchy.parent = null;
        }
        self.hierarchy.children = [];
        for (const id of new Set(childIds)) {
          const child = (store.get(id) as OrbCustomerRecord).customer;
          detachFromParent(store, child);
          link({ customer: self } as OrbCustomerRecord, child);
        }
      }
    },
  };
}

function link(parent: OrbCustomerRecord, child: OrbCustomer): void {
  child.hierarchy.parent = minified(parent.customer);
  parent.customer.hierarchy.children.push(minified(child));
}

function detachFromParent(store: OrbCustomerStore, child: OrbCustomer): void {
  const parent = child.hierarchy.parent === null ? undefined : store.get(child.hierarchy.parent.id);
  if (parent !== undefined) parent.customer.hierarchy.children = parent.customer.hierarchy.children.filter((entry) => entry.id !== child.id);
  child.hierarchy.parent = null;
}

function minified(customer: OrbCustomer): OrbCustomerMinified {
  return { id: customer.id, external_customer_id: customer.external_customer_id };
}
