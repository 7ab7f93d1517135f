/**
 * The comparison the bench measures customer-graph against (#11): GraphQL Mesh composing Polar's and Orb's official
 * OpenAPI specs, served by Hive Gateway. `npm run bench:mesh` composes it against its own sandbox, with the
 * sandbox's base URLs in MESH_POLAR_URL and MESH_ORB_URL and the specs' folder in MESH_SPECS_DIR.
 */
import { createPrefixTransform, defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set (npm run bench:mesh sets it)`);
  return value;
};
const specs = required('MESH_SPECS_DIR');

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Polar', {
        source: `${specs}/polar.openapi.json`,
        endpoint: required('MESH_POLAR_URL'),
        operationHeaders: { Authorization: 'Bearer bench' },
      }),
    },
    {
      sourceHandler: loadOpenAPISubgraph('Orb', {
        source: `${specs}/orb.openapi.legacy-2023-06.json`,
        endpoint: required('MESH_ORB_URL'),
        operationHeaders: { Authorization: 'Bearer bench' },
      }),
      // Both specs name types Customer, Event, Discount...: Orb's get a prefix so that composition keeps them apart.
      transforms: [createPrefixTransform({ value: 'Orb_', includeRootOperations: false })],
    },
  ],
  // A customer's state, as customer-graph's `state` field: GET /v1/customers/{id}/state for each customer of a page.
  // Polar's Customer is a union of its individual and team types, so both get the field.
  additionalTypeDefs: /* GraphQL */ `
    extend type CustomerIndividual {
      state: customers_get_state_response
        @resolveTo(sourceName: "Polar", sourceTypeName: "Query", sourceFieldName: "customers_get_state", requiredSelectionSet: "{ id }", sourceArgs: { id: "{root.id}" })
    }
    extend type CustomerTeam {
      state: customers_get_state_response
        @resolveTo(sourceName: "Polar", sourceTypeName: "Query", sourceFieldName: "customers_get_state", requiredSelectionSet: "{ id }", sourceArgs: { id: "{root.id}" })
    }
  `,
});
