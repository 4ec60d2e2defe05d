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

/**
 * Calls the demo API's protected endpoint, with the access token as a Bearer token when
 * there is one (without it, the API answers 401, which the demo shows too).
 */
export async function fetchMessages(accessToken?: string): Promise<ApiAnswer> {
  const response = await fetch(`${apiUrl}/api/messages`, {
    headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.message ?? response.statusText);
  return body as ApiAnswer;
}
