import type { Engine } from './driver/Tab.js';

/**
 * What the `prompt=none` iframe gives with the tenant on another site, per engine, with each
 * engine's default cookie rules: the README's table says the same.
 */
export const crossSiteIframe: Record<Engine, 'token' | 'login_required'> = {
  chromium: 'login_required',
  firefox: 'login_required',
  webkit: 'login_required',
};
