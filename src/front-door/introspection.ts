import type { ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusal } from '../graphql/errors';

/** What describes the schema rather than the customers: off in production unless `INTROSPECTION=on`. */
const schemaFields = new Set(['__schema', '__type', '_sdl']);

const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (schemaFields.has(node.name.value)) {
      context.reportError(refusal(`"${node.name.value}" is turned off on this server (INTROSPECTION=on turns it on).`, { code: 'GRAPHQL_VALIDATION_FAILED' }, [node]));
    }
  },
});

/** Refuses introspection and the stitching SDL at validation, before anything runs. */
export function noIntrospectionPlugin(): Plugin {
  return {
    onValidate: ({ addValidationRule }) => {
      addValidationRule(noIntrospection);
    },
  };
}
