import type { TokenResponse, User } from '@sesame/core';

/** What the token panel shows about an access token, ready to display. */
export interface TokenInfo {
  expires: string;
  issued: string;
  audience: string;
  scope: string;
  /** `DPoP`, bound to this browser's key, or `Bearer`. */
  type: string;
}

// Date and time: a token issued before midnight expires the next day, and a time alone would
// then look earlier than its issue time.
const dateTime = (date: Date) => date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Reads an access token for display. An access token is meant for the API, not the app: the
 * app reads its payload here only to show it, and never trusts what it reads.
 */
export function describeAccessToken(response: TokenResponse, now = Date.now()): TokenInfo {
  const minutes = Math.round(response.expires_in / 60);
  const info = {
    expires: `${dateTime(new Date(now + response.expires_in * 1000))} (in ${minutes} min)`,
    issued: '—',
    audience: '—',
    scope: response.scope ?? '—',
    type: response.token_type.toLowerCase() === 'dpop' ? "DPoP (bound to this browser's key)" : 'Bearer',
  };
  const payload = response.access_token.split('.')[1];
  if (!payload) return info; // an opaque token
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    if (typeof claims.iat === 'number') info.issued = dateTime(new Date(claims.iat * 1000));
    if (typeof claims.scope === 'string') info.scope = claims.scope;
    if (claims.aud) info.audience = [claims.aud].flat().join(' ');
  } catch {
    // not a JWT after all: show what the token response says
  }
  return info;
}

/** Up to two initials of the user's name (or email), for an avatar without a picture. */
export function initials(user: User | undefined): string {
  const name = user?.name ?? user?.email ?? '?';
  return name
    .split(/[\s@.]+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}
