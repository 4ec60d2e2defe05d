/** A request the fake fetch received, read. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The JSON body, or the form body as an object, or the raw text. */
  body: unknown;
}

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * A fetch that answers with `answers` in turn (the last one repeats) and records every request.
 * An `Error` answer rejects, as fetch does when nothing came back.
 */
export function fakeFetch(...answers: Answer[]) {
  const requests: SentRequest[] = [];
  let next = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    const type = request.headers.get('content-type');
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body:
        type === 'application/json'
          ? JSON.parse(text)
          : type === 'application/x-www-form-urlencoded'
            ? Object.fromEntries(new URLSearchParams(text))
            : text,
    });
    const answer = answers[Math.min(next++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    if (!answer) throw new Error('fakeFetch: no answer');
    return answer.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A JSON response. */
export const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** An OAuth error body (`{error, error_description}`). */
export const oauthError = (status: number, error: string, description = `${error} happened`, extra = {}) =>
  json({ error, error_description: description, ...extra }, status);

/** A `/dbconnections` error body (`{name, code, description, statusCode}`). */
export const dbError = (status: number, code: string, description: unknown = `${code} happened`) =>
  json({ name: 'BadRequestError', code, description, statusCode: status }, status);

/** A token response. */
export const TOKENS = {
  access_token: 'access-1',
  token_type: 'Bearer',
  expires_in: 86400,
  id_token: 'h.p.s',
  refresh_token: 'refresh-1',
  scope: 'openid profile',
};

export const DOMAIN = 'example.eu.auth0.com';
export const ORIGIN = `https://${DOMAIN}`;
export const CLIENT = { domain: DOMAIN, clientId: 'client-1' };
