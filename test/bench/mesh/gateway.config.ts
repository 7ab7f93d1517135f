// Given to hive-gateway with -c, so that it does not take mesh.config.ts (the composition) as its configuration.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({});
