import { Agent, fetch as undiciFetch } from 'undici';

/**
 * A `fetch` that trusts `certificatePem` (the tenant's self-signed certificate) on top of the
 * usual authorities, for the tests of `https: true`: what `NODE_EXTRA_CA_CERTS` does for a whole
 * process, for this test alone. `agent` is the same trust as an undici dispatcher.
 */
export function trustingFetch(certificatePem: string): { fetch: typeof fetch; agent: Agent } {
  const agent = new Agent({ connect: { ca: certificatePem } });
  const trusting = ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as never, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
  return { fetch: trusting, agent };
}
