import type { FrontDoorOptions } from './options';

/** What the start-up lines say about the front door: who may call, and anything an operator must know. */
export function describeFrontDoor(options: FrontDoorOptions, cursorSecretGenerated: boolean): { info: string[]; warnings: string[] } {
  const info: string[] = [];
  const warnings: string[] = [];
  const { auth } = options;
  if (auth.mode === 'open') {
    info.push('auth: OPEN for development (every provider on the sandbox): every caller has every scope and Authorization headers are ignored; set API_KEYS or JWT_JWKS_URL/JWT_ISSUER/JWT_AUDIENCE to close it');
  } else if (auth.mode === 'off') {
    warnings.push('auth: AUTH=off: no caller is authenticated and every caller has every scope; only safe behind a router that authenticates every request');
  } else {
    const ways = [
      ...(auth.apiKeys.length > 0 ? [`${auth.apiKeys.length} API key(s) (${auth.apiKeys.map((key) => key.name).join(', ')})`] : []),
      ...(auth.jwt !== null ? [`JWTs from ${auth.jwt.issuer} for ${auth.jwt.audience}`] : []),
    ];
    info.push(`auth: required: ${ways.join(' and ')}`);
  }
  const { limits } = options;
  info.push(
    `limits: depth ${limits.depth}, aliases ${limits.aliases}, tokens ${limits.tokens}, directives ${limits.directives}, cost ${limits.cost}, ${limits.upstreamCalls} upstream calls per operation, body ${options.bodyLimitBytes} bytes`,
  );
  info.push(
    `mode: ${options.production ? 'production' : 'development'}; GraphiQL ${options.graphiql ? 'on' : 'off'}, introspection ${options.introspection ? 'on' : 'off'}, CORS ${options.corsOrigins.length === 0 ? 'off' : options.corsOrigins.join(' ')}${options.trustedDocuments === null ? '' : `, ${options.trustedDocuments.size} trusted documents only`}`,
  );
  if (cursorSecretGenerated) {
    warnings.push('CURSOR_SECRET is not set: cursors are signed with a secret generated for this process, so they do not survive a restart or work on another instance; set one secret shared by every instance');
  }
  return { info, warnings };
}
