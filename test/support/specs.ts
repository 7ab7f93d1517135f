import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The providers' official OpenAPI documents live in `../shared/providers/specs/` beside the repository (CI checks
 * out shared/ there). A missing document fails the test loudly rather than skipping the schema checks.
 */
export function providerSpecPath(file: string): string {
  const path = fileURLToPath(new URL(`../../../shared/providers/specs/${file}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`OpenAPI document ${file} not found at ${path}: check out shared/ beside the repository`);
  return path;
}
