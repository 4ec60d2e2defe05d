const TOKEN = "[\\w!#$%&'*+.^`|~-]+";
const PART = new RegExp(`(${TOKEN})(?:\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(${TOKEN}=*)))?`, 'g');

/**
 * The parameters of a response's `WWW-Authenticate` challenge for its access token: the challenge
 * of `scheme` (the token's type: a server that takes both may answer with a `Bearer` and a `DPoP`
 * challenge, RFC 9449 §7.2), else the `DPoP` or `Bearer` one, else the first; with lower-cased
 * names and unquoted values (`{ error: 'invalid_token', error_description: '…' }`); `undefined`
 * without a challenge.
 *
 * @param scheme - The scheme the token was sent with, lower-cased.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.2
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function challengeOf(
  response: Response,
  scheme: 'dpop' | 'bearer' = 'bearer',
): Record<string, string> | undefined {
  const header = response.headers.get('www-authenticate');
  if (!header) return undefined;
  const challenges: { scheme: string; parameters: Record<string, string> }[] = [];
  for (const [, name = '', quoted, plain] of header.matchAll(PART)) {
    const value = quoted?.replace(/\\(.)/g, '$1') ?? plain;
    const last = challenges.at(-1);
    // A name without a value starts a challenge; a value belongs to the challenge before it.
    if (value === undefined || !last) challenges.push({ scheme: name.toLowerCase(), parameters: {} });
    else last.parameters[name.toLowerCase()] = value;
  }
  return (
    challenges.find((challenge) => challenge.scheme === scheme) ??
    challenges.find((challenge) => challenge.scheme === 'dpop' || challenge.scheme === 'bearer') ??
    challenges[0]
  )?.parameters;
}
