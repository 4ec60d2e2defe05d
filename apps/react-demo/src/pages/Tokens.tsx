import { auth, describeAccessToken, dpopOn, switchDpop, type TokenInfo } from '@sesame/demo-shared';
import { useAuth } from '@sesame/react';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../ui';
import { useAction } from '../useAction';

export function Tokens() {
  const { getAccessTokenSilently, logout } = useAuth();
  const [token, setToken] = useState<TokenInfo>();
  const [revoked, setRevoked] = useState(false);
  const { busy, error, run } = useAction();

  // cacheMode 'on': the stored token while it is valid; 'off': always ask the tenant.
  const load = useCallback(
    (cacheMode: 'on' | 'off') =>
      run(async () => {
        setToken(describeAccessToken(await getAccessTokenSilently({ cacheMode, detailedResponse: true })));
      }),
    [run, getAccessTokenSilently],
  );
  useEffect(() => void load('on'), [load]);

  const revoke = () =>
    run(async () => {
      await auth.revokeRefreshToken();
      setRevoked(true);
    });

  return (
    <>
      <h1>Tokens</h1>
      <p className="lead">
        <code>getAccessTokenSilently()</code> returns the stored access token while it is valid, else renews
        it with the refresh token (or a hidden iframe), once for all tabs.
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
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
            <dt>Type</dt>
            <dd data-testid="token-type">{token.type}</dd>
          </dl>
        )}
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => load('off')}>
            Refresh now
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={revoke}>
            Revoke refresh token
          </button>
        </div>
      </div>
      <div className="card">
        <h2>Proof of possession (DPoP)</h2>
        <p>
          {dpopOn()
            ? 'On: the tokens are bound to a key this browser cannot export; a copied token is refused by the tenant and the API.'
            : 'Off: the tokens are Bearer tokens; whoever holds a copy can use it.'}{' '}
          Switching signs you out.
        </p>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => run(() => switchDpop(!dpopOn(), () => logout({ openUrl: false })))}
          >
            {dpopOn() ? 'Turn DPoP off' : 'Turn DPoP on'}
          </button>
        </div>
      </div>
      {revoked && (
        <p className="success" role="status">
          Refresh token revoked. The access token works until it expires; then the session is renewed through
          the tenant’s login session (silent authentication), if there is one.
        </p>
      )}
    </>
  );
}
