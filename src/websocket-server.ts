import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { GraphContext } from './context';

export interface WebSocketEndpoint {
  close(): Promise<void>;
}

/**
 * GraphQL over WebSocket (`graphql-ws` protocol) on the HTTP server's own port and path, executed through yoga's
 * envelope so the same plugins, context and masking apply as over HTTP and SSE.
 */
export function attachWebSockets(server: Server, yoga: YogaServerInstance<Record<string, unknown>, GraphContext>): WebSocketEndpoint {
  const sockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  type Enveloped = ReturnType<typeof yoga.getEnveloped>;
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args as ExecutionArgs),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args as ExecutionArgs),
      onSubscribe: async (context, _id, payload) => {
        const enveloped = yoga.getEnveloped({ ...context, req: context.extra.request, socket: context.extra.socket, params: payload });
        const args = {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document: enveloped.parse(payload.query),
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
        const errors = enveloped.validate(args.schema, args.document);
        return errors.length > 0 ? errors : (args as ExecutionArgs);
      },
    },
    sockets,
  );
  return {
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
