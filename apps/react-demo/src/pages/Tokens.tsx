import { describeAccessToken, type TokenInfo } from '@sesame/demo-shared';
import { useAuth } from '@sesame/react';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../ui';

export function Tokens() {
  const { getAccessTokenSilently } = useAuth();
  const [token, setToken] = useState<TokenInfo>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // cacheMode 'on': the stored token while it is valid; 'off': always ask the tenant.
  const load = useCallback(
    async (cacheMode: 'on' | 'off') => {
      setBusy(true);
      try {
        setToken(describeAccessToken(await getAccessTokenSilently({ cacheMode, detailedResponse: true })));
        setError(undefined);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [getAccessTokenSilently],
  );
  useEffect(() => void load('on'), [load]);

  return (
    <>
      <h1>Tokens</h1>
      <p className="lead">
        <code>getAccessTokenSilently()</code> returns the stored access token while it is valid, else renews
        it with the refresh token (or a hidden iframe), once for all tabs.
      </p>
      {error && <ErrorAlert error={error} />}
      <div className="card">
        <h2>Access token</h2>
        {token && (
          <dl>
            <dt>Expires</dt>
            <dd data-testid="expires">{token.expires}</dd>
            <dt>Issued</dt>
            <dd data-testid="issued">{token.issued}</dd>
            <dt>Audience</dt>
            <dd>{token.audience}</dd>
            <dt>Scope</dt>
            <dd>{token.scope}</dd>
          </dl>
        )}
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => load('off')}>
            Refresh now
          </button>
        </div>
      </div>
    </>
  );
}
