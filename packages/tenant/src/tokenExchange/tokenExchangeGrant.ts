import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { required } from '../grants/grantErrors.js';
import { issueUserTokens, requestedAccess } from '../grants/issueUserTokens.js';
import type { ExtraGrantType, GrantTypeServices } from '../provider/extraGrantTypes.js';
import { findOrCreateFederatedUser } from '../users/federatedUser.js';
import { InvalidSubjectTokenError, SubjectTokenVerifier } from './verifySubjectToken.js';

/** The token exchange grant type (RFC 8693). */
export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const DEFAULT_CONNECTION = 'token-exchange';

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:token-exchange`: Auth0's custom (and native
 * social) token exchange. The `subject_token_type` picks a configured profile
 * (`token_exchange_profiles`); its subject token is verified against the profile's key
 * and mapped onto a user (created on first use); the answer is the code flow's (access
 * token for `audience`, ID token for `openid`, refresh token for `offline_access`) plus
 * `issued_token_type`. Unknown types and invalid tokens answer `invalid_request`
 * (RFC 8693 §2.2.2), and nothing is stored.
 */
export const tokenExchangeGrant = (services: GrantTypeServices): ExtraGrantType => {
  const verifier = new SubjectTokenVerifier();
  return {
    name: TOKEN_EXCHANGE,
    parameters: ['subject_token', 'subject_token_type', 'scope', 'resource', 'audience', 'user_profile'],
    async handler(ctx: KoaContextWithOIDC) {
      const subjectToken = required(ctx, 'subject_token');
      const type = required(ctx, 'subject_token_type');
      const profile = services.config.token_exchange_profiles.find((p) => p.subject_token_type === type);
      if (!profile) throw new errors.InvalidRequest(`Unsupported subject_token_type: ${type}`);
      let claims: Awaited<ReturnType<SubjectTokenVerifier['verify']>>;
      try {
        claims = await verifier.verify(profile, subjectToken);
      } catch (error) {
        if (error instanceof InvalidSubjectTokenError) throw new errors.InvalidRequest(error.message);
        throw error;
      }
      const { scope, resource } = requestedAccess(ctx);
      const connection = profile.connection ?? DEFAULT_CONNECTION;
      // Auth0's setUserByConnection with creation allowed: `{connection}|{sub}`, else by email.
      const user = await findOrCreateFederatedUser(services.users, {
        connection,
        userId: `${connection}|${claims.sub}`,
        email: text(claims.email),
        email_verified: claims.email_verified === true,
        name: text(claims.name),
        nickname: text(claims.nickname),
        given_name: text(claims.given_name),
        family_name: text(claims.family_name),
        picture: text(claims.picture),
      });
      await issueUserTokens(ctx, services, {
        userId: user.user_id,
        scope,
        resource,
        amr: ['ext'],
        gty: 'token-exchange',
      });
      ctx.body = { ...(ctx.body as object), issued_token_type: ACCESS_TOKEN_TYPE };
    },
  };
};
