import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { providerCatalog } from '../../src/providers/provider-names';
import { registry } from '../../src/registry';

/** Folders under `src/providers/` and `src/sandbox/` that hold shared parts, not a provider. */
const SHARED_FOLDERS = new Set(['spec', 'kit', 'shared', 'webhooks']);

function providerFolders(root: string): string[] {
  return readdirSync(join(import.meta.dirname, '../../src', root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SHARED_FOLDERS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

describe('a provider is one folder in src/providers, one in src/sandbox, one line in the registry', () => {
  it('every adapter folder has a simulator folder, and the reverse', () => {
    expect(providerFolders('sandbox')).toEqual(providerFolders('providers'));
  });

  it('every adapter folder is registered with its simulator, in the order of the names-only list', () => {
    expect(registry.map((registration) => registration.adapter.name).sort()).toEqual(providerFolders('providers'));
    expect(registry.map((registration) => registration.adapter.name)).toEqual(providerCatalog.map((entry) => entry.name));
    for (const registration of registry) expect(typeof registration.simulator, registration.adapter.name).toBe('function');
  });
});
