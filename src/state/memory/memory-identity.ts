import type { IdentityMark, IdentityStore } from '../state-port';

interface ProviderIndex {
  byExternalId: Map<string, string>;
  byId: Map<string, string>;
  mark: IdentityMark | null;
}

/** The identity index in this process; derived data, rebuilt from the providers when the process starts. */
export function createMemoryIdentity(): IdentityStore {
  const indexes = new Map<string, ProviderIndex>();
  const indexOf = (provider: string): ProviderIndex => {
    let index = indexes.get(provider);
    if (index === undefined) {
      index = { byExternalId: new Map(), byId: new Map(), mark: null };
      indexes.set(provider, index);
    }
    return index;
  };

  const record = (index: ProviderIndex, id: string, externalId: string | null) => {
    const previous = index.byId.get(id);
    // Another customer may hold the same external ID (metadata is free text): only drop a mapping to this one.
    if (previous !== undefined && previous !== externalId && index.byExternalId.get(previous) === id) index.byExternalId.delete(previous);
    if (externalId === null) {
      index.byId.delete(id);
      return;
    }
    index.byId.set(id, externalId);
    index.byExternalId.set(externalId, id);
  };

  return {
    async lookup(provider, externalId) {
      return indexes.get(provider)?.byExternalId.get(externalId) ?? null;
    },
    async record(provider, id, externalId) {
      record(indexOf(provider), id, externalId);
    },
    async recordMany(provider, entries, { keepExisting }) {
      const index = indexOf(provider);
      for (const { id, externalId } of entries) {
        if (!keepExisting) {
          record(index, id, externalId);
          continue;
        }
        if (!index.byExternalId.has(externalId)) index.byExternalId.set(externalId, id);
        if (!index.byId.has(id)) index.byId.set(id, externalId);
      }
    },
    async size(provider) {
      return indexes.get(provider)?.byExternalId.size ?? 0;
    },
    async mark(provider) {
      const mark = indexes.get(provider)?.mark;
      return mark == null ? null : { ...mark };
    },
    async setMark(provider, mark) {
      indexOf(provider).mark = { ...mark };
    },
    async clear(provider) {
      indexes.delete(provider);
    },
  };
}
