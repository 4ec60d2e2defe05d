import type { RunningTenant } from '../startTenant.js';

/**
 * A minimal browser for tests: keeps cookies per host, never follows redirects by itself
 * (tests follow them step by step with {@link Browser.follow}).
 */
export class Browser {
  readonly #cookies = new Map<string, Map<string, string>>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.#cookies.get(target.host) ?? new Map<string, string>();
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.#cookies.set(target.host, jar);
    return response;
  }

  /** Follows redirects on the tenant's origin; stops at a non-redirect or at a redirect elsewhere. */
  async follow(
    url: string | URL,
    tenant: RunningTenant,
    init: RequestInit = {},
  ): Promise<{ response: Response; url: URL }> {
    let current = new URL(url);
    let response = await this.fetch(current, init);
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops += 1) {
      const next = new URL(response.headers.get('location')!, current);
      if (next.origin !== new URL(tenant.url).origin) return { response, url: next };
      current = next;
      response = await this.fetch(current);
    }
    return { response, url: current };
  }

  /** Whether the tenant session cookie is present. */
  hasSession(tenant: RunningTenant): boolean {
    return this.#cookies.get(new URL(tenant.url).host)?.has('sesame_session') ?? false;
  }
}

/** The `action` of the first form on a page. */
export function formAction(html: string, base: string): URL {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form on the page');
  return new URL(match[1].replaceAll('&amp;', '&'), base);
}

/** The hidden inputs of a page, as form fields. */
export function hiddenInputs(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (name) fields[name] = value ?? '';
  }
  return fields;
}
