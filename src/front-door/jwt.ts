import { createRemoteJwksSigningKeyProvider, useJWT } from '@graphql-yoga/plugin-jwt';
import type { Plugin } from 'graphql-yoga';
import { bearerToken, type CallerRegistry, type JwtSettings } from './authentication';

/**
 * Verifies JWTs with `@graphql-yoga/plugin-jwt` against the issuer's JWKS: signature, `iss`, `aud` and expiry.
 * Only a request no API key has already admitted is looked at; an invalid token is refused with 401.
 */
export function jwtPlugin(settings: JwtSettings, callers: CallerRegistry): Plugin {
  return useJWT({
    signingKeyProviders: [createRemoteJwksSigningKeyProvider({ jwksUri: settings.jwksUrl, cache: true, rateLimit: true })],
    tokenLookupLocations: [
      ({ request }) => {
        if (callers.admitted(request)) return undefined;
        const token = bearerToken(request.headers.get('authorization'));
        return token === null ? undefined : { token, prefix: 'Bearer' };
      },
    ],
    tokenVerification: { issuer: settings.issuer, audience: settings.audience, algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'] as never },
    // Missing tokens are the authentication plugin's to refuse (an API key needs no JWT).
    reject: { missingToken: false, invalidToken: true },
    extendContext: 'jwt',
  }) as Plugin;
}
