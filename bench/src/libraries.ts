/** A library under test: its minimal apps (for size) and its adapter page (for the browser scenarios). */
export interface Library {
  /** Short stable id, used in file names, URLs and the JSON results. */
  id: string;
  /** How the tables name it. */
  label: string;
  /** npm packages whose installed versions the results state. */
  packages: string[];
  /** Minimal app, relative to `src/apps/`: create, login, callback, get token, logout. */
  app: string;
  /** Minimal React app (provider + hook), relative to `src/apps/`, when the library has a React binding. */
  reactApp?: { file: string; packages: string[] };
  /** Adapter module, relative to `src/adapters/`, and the name of its `AdapterFactory` export. */
  adapter: { file: string; exportName: string };
  /** Port of the static server for its adapter page, one origin per library. */
  port: number;
  /** Known reasons for failures, checked with `pnpm --filter @sesame/bench run trace`; printed in the report. */
  notes?: string[];
  /** Why the DPoP scenario does not measure this library (its adapter has no `callApi`); printed in its row. */
  notInDpopScenario?: string;
}

/** Every library the benchmark compares, Sesame first. Add a library by adding an entry here. */
export const libraries: Library[] = [
  {
    id: 'sesame',
    label: 'Sesame',
    packages: ['@sesame/core'],
    app: 'sesame.ts',
    reactApp: { file: 'sesameReact.tsx', packages: ['@sesame/react'] },
    adapter: { file: 'sesame.ts', exportName: 'sesame' },
    port: 5301,
  },
  {
    id: 'auth0-spa-js',
    label: 'auth0-spa-js',
    packages: ['@auth0/auth0-spa-js'],
    app: 'auth0SpaJs.ts',
    reactApp: { file: 'auth0React.tsx', packages: ['@auth0/auth0-react'] },
    adapter: { file: 'auth0SpaJs.ts', exportName: 'auth0SpaJs' },
    port: 5302,
    notes: [
      'Scenario 10: its fetcher, called without `audience`, asks `getTokenSilently()` for `audience: undefined`, ' +
        'which overrides the client’s audience (no refresh token under that key: `missing_refresh_token`); the ' +
        'adapter passes the client’s audience as `fetchWithAuth()`’s third argument. Its fetcher adds a DPoP proof ' +
        'only when given a `dpopNonceId` (without one: `Authorization: DPoP` and no proof); the adapter gives one.',
      'Version 2.27.0, not the latest 2.28.3: 2.28.3 needs `@auth0/auth0-auth-js` ^1.16.1, which the npm ' +
        'registry reachable from the benchmark machine does not have.',
    ],
  },
  {
    id: 'oidc-client-ts',
    label: 'oidc-client-ts',
    packages: ['oidc-client-ts'],
    app: 'oidcClientTs.ts',
    reactApp: { file: 'reactOidcContext.tsx', packages: ['react-oidc-context'] },
    adapter: { file: 'oidcClientTs.ts', exportName: 'oidcClientTs' },
    port: 5303,
    notInDpopScenario:
      'DPoP (`dpop` setting, `dpopProof()`) but no fetcher; a fetch written in the adapter would measure the adapter',
  },
  {
    id: 'okta-auth-js',
    label: 'okta-auth-js',
    packages: ['@okta/okta-auth-js'],
    app: 'oktaAuthJs.ts',
    adapter: { file: 'oktaAuthJs.ts', exportName: 'oktaAuthJs' },
    port: 5304,
    notInDpopScenario:
      'DPoP (`dpop: true`, `getDPoPAuthorizationHeaders()`) but no fetcher; a fetch written in the adapter would ' +
      'measure the adapter',
    notes: [
      'Its OAuth URLs default to Okta paths (`/oauth2/v1/...`); the adapter sets `authorizeUrl`, `tokenUrl`, ' +
        '`userinfoUrl`, `revokeUrl` and `logoutUrl` to the tenant’s Auth0 endpoints. No React size: its ' +
        'binding `@okta/okta-react` needs `react-router-dom` as a peer, and the React figures compare the ' +
        'bindings of auth0-spa-js and oidc-client-ts.',
      'Refresh: it sends `scope=openid profile email offline_access` with the refresh token, which the tenant ' +
        'accepts as Auth0 does; some of its refreshes then fail inside okta-auth-js with `Cannot read properties ' +
        "of undefined (reading 'join')` (the tenant's answer for an API audience carries an empty `scope`; not " +
        'investigated further).',
      'Silent auth: `token.getWithoutPrompt()` asks for `response_mode=okta_post_message`, an Okta-only mode the ' +
        'tenant does not support, so the iframe never answers and the call times out.',
    ],
  },
];
