import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';

/**
 * Ends a session whose grant is dead and that no silent path can renew: every token, the user
 * and the ID token are removed, the snapshot turns `unauthenticated` with a `login_required`
 * error, and the other tabs follow. Never a signed-in UI whose tokens all fail.
 *
 * @param cause - Why the grant is dead (`invalid_grant`, a rejected answer, the iframe's answer).
 * @returns The `login_required` error, for the caller to throw.
 */
export async function endSession(ctx: ClientContext, cause: unknown): Promise<AuthError> {
  const error = new AuthError('login_required', 'the session has ended', { cause });
  ctx.server.dpop?.forget();
  await ctx.tokens.clear();
  ctx.store.publish({ status: 'unauthenticated', user: undefined, error });
  ctx.sync.post({ type: 'logout' });
  return error;
}
