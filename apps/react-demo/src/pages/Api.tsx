import { type ApiAnswer, fetchMessages } from '@sesame/demo-shared';
import { useAuth } from '@sesame/react';
import { useState } from 'react';
import { ErrorAlert } from '../ui';
import { useAction } from '../useAction';

export function Api() {
  const { isAuthenticated } = useAuth();
  const [answer, setAnswer] = useState<ApiAnswer>();
  const { busy, error, run } = useAction();

  const callApi = () =>
    run(async () => {
      setAnswer(undefined);
      // Signed out, the call goes without a token, to show how the API refuses it.
      setAnswer(await fetchMessages(isAuthenticated));
    });

  return (
    <>
      <h1>Call the API</h1>
      <p className="lead">
        The demo API answers <code>GET /api/messages</code> only with a valid access token: it checks the
        signature against the tenant’s keys, the issuer, the audience, the expiry and the scope.
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      <div className="card">
        <div className="actions">
          <button type="button" disabled={busy} onClick={callApi}>
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
