import { type ApiAnswer, fetchMessages } from '@sesame/demo-shared';
import { useAuth } from '@sesame/react';
import { useState } from 'react';
import { ErrorAlert } from '../ui';

export function Api() {
  const { isAuthenticated, getAccessTokenSilently } = useAuth();
  const [answer, setAnswer] = useState<ApiAnswer>();
  const [error, setError] = useState<unknown>();

  const callApi = async () => {
    setAnswer(undefined);
    setError(undefined);
    try {
      // Signed out, the call goes without a token, to show how the API refuses it.
      const token = isAuthenticated ? await getAccessTokenSilently() : undefined;
      setAnswer(await fetchMessages(token));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1>Call the API</h1>
      <p className="lead">
        The demo API answers <code>GET /api/messages</code> only with a valid access token: it checks the
        signature against the tenant’s keys, the issuer, the audience, the expiry and the scope.
      </p>
      {error && <ErrorAlert error={error} />}
      <div className="card">
        <div className="actions">
          <button type="button" onClick={callApi}>
            Call the API
          </button>
        </div>
        {answer && (
          <>
            <ul className="messages">
              {answer.messages.map((message) => (
                <li key={message.id}>
                  {message.text}
                  <small>{message.from}</small>
                </li>
              ))}
            </ul>
            <p className="muted">
              Token of <code>{answer.token.sub}</code>, scope <code>{answer.token.scope}</code>
            </p>
          </>
        )}
      </div>
    </>
  );
}
