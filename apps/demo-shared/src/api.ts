import { createFetcher } from '@sesame/core/fetcher';
import { auth } from './client';
import { apiUrl } from './config';

export interface Message {
  id: number;
  text: string;
  from: string;
}

/** What `GET /api/messages` answers: the messages and what the API read from the access token. */
export interface ApiAnswer {
  messages: Message[];
  token: { sub: string; scope: string; expiresAt: string };
}

/** The API refused the call; `message` is the API's own explanation. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `fetch` with the session's access token (Bearer, or DPoP with a proof), for the demo API only. */
const apiFetch = createFetcher(auth, { baseUrl: apiUrl });

/**
 * Calls the demo API's protected endpoint: signed in, through `createFetcher` (the access token,
 * as a Bearer token or DPoP-bound with a proof); signed out, without a token (the API answers 401,
 * which the demo shows too).
 */
export async function fetchMessages(signedIn: boolean): Promise<ApiAnswer> {
  const url = `${apiUrl}/api/messages`;
  const response = signedIn ? await apiFetch(url) : await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.message ?? response.statusText);
  return body as ApiAnswer;
}
