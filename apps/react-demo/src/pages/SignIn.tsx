import { MfaRequiredError, type User } from '@sesame/core';
import type { DeviceAuthorization } from '@sesame/core/authentication';
import {
  auth,
  connection,
  deviceAuth,
  outboxUrl,
  type SecondFactor,
  startSecondFactor,
} from '@sesame/demo-shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../ui';
import { useAction } from '../useAction';

/** A form's submit handler that passes its fields by name. */
function onSubmit<T>(handle: (fields: T) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handle(Object.fromEntries(new FormData(event.currentTarget)) as T);
  };
}

export function SignIn() {
  return (
    <>
      <h1>More ways to sign in</h1>
      <p className="lead">
        Without leaving the app: the Authentication API’s session methods (<code>withAuthenticationApi</code>)
        sign into the same session as a redirect login.
      </p>
      <div className="grid wide">
        <SignUp />
        <EmailCode />
        <PasswordAndMfa />
        <DeviceCode />
      </div>
    </>
  );
}

function SignUp() {
  const { busy, error, run } = useAction();
  const [created, setCreated] = useState<string>();
  const signUp = ({ name, email, password }: { name: string; email: string; password: string }) =>
    run(async () => {
      await auth.signup({ connection, name, email, password, login: true });
      setCreated(email);
    });
  return (
    <div className="card">
      <h2>Sign up</h2>
      <form onSubmit={onSubmit(signUp)} aria-label="Sign up">
        <label>
          Name <input name="name" required autoComplete="name" />
        </label>
        <label>
          Email <input name="email" type="email" required autoComplete="email" />
        </label>
        <label>
          Password <input name="password" type="password" required autoComplete="new-password" />
        </label>
        <button type="submit" disabled={busy}>
          Create account
        </button>
      </form>
      {created && <p className="success">Account {created} created, and signed in.</p>}
      {error !== undefined && <ErrorAlert error={error} />}
    </div>
  );
}

function EmailCode() {
  const { busy, error, run } = useAction();
  const [sentTo, setSentTo] = useState<string>();
  const [signedIn, setSignedIn] = useState<string>();
  const send = ({ email }: { email: string }) =>
    run(async () => {
      setSignedIn(undefined);
      await auth.passwordless.start({ connection: 'email', email, send: 'code' });
      setSentTo(email);
    });
  const logIn = ({ code }: { code: string }) =>
    run(async () => {
      await auth.passwordless.login({ connection: 'email', email: sentTo!, otp: code });
      setSignedIn(sentTo);
      setSentTo(undefined);
    });
  return (
    <div className="card">
      <h2>Email code</h2>
      {sentTo ? (
        <form key="code" onSubmit={onSubmit(logIn)} aria-label="Email code">
          <p>
            A code is on its way to {sentTo} (the local tenant puts it in its <a href={outboxUrl}>outbox</a>).
          </p>
          <label>
            Code <input name="code" required inputMode="numeric" autoComplete="one-time-code" />
          </label>
          <button type="submit" disabled={busy}>
            Log in
          </button>
        </form>
      ) : (
        <form key="email" onSubmit={onSubmit(send)} aria-label="Email code">
          <p>No password: a one-time code by email.</p>
          <label>
            Email <input name="email" type="email" required autoComplete="email" />
          </label>
          <button type="submit" disabled={busy}>
            Send code
          </button>
        </form>
      )}
      {signedIn && <p className="success">Signed in as {signedIn}, with no password.</p>}
      {error !== undefined && <ErrorAlert error={error} />}
    </div>
  );
}

function PasswordAndMfa() {
  const { busy, error, run } = useAction();
  const [secondFactor, setSecondFactor] = useState<SecondFactor>();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string>();

  const logIn = ({ email, password }: { email: string; password: string }) =>
    run(async () => {
      setRecoveryCode(undefined);
      try {
        await auth.loginWithPassword({ username: email, password, realm: connection });
      } catch (e) {
        if (!(e instanceof MfaRequiredError)) throw e;
        setSecondFactor(await startSecondFactor(e.mfaToken));
      }
    });
  const verify = ({ code }: { code: string }) =>
    run(async () => {
      const { mfaToken, enrolment } = secondFactor!;
      const proof = withRecoveryCode ? { recoveryCode: code } : { otp: code };
      const result = await auth.mfa.verify({ mfaToken, ...proof });
      // A new recovery code after a recovery-code login; the first one after an enrolment.
      setRecoveryCode(result.recoveryCode ?? enrolment?.recoveryCode);
      setSecondFactor(undefined);
      setWithRecoveryCode(false);
    });

  return (
    <div className="card">
      <h2>Password</h2>
      {!secondFactor ? (
        <form key="password" onSubmit={onSubmit(logIn)} aria-label="Password">
          <label>
            Email <input name="email" type="email" required autoComplete="username" />
          </label>
          <label>
            Password <input name="password" type="password" required autoComplete="current-password" />
          </label>
          <button type="submit" disabled={busy}>
            Log in
          </button>
        </form>
      ) : (
        <form key="second-factor" onSubmit={onSubmit(verify)} aria-label="Second factor">
          {secondFactor.enrolment && !withRecoveryCode && (
            <>
              <p>Scan this QR code with an authenticator app, or type the key.</p>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG drawn by uqr from the tenant's otpauth:// URI */}
              <div className="qr" dangerouslySetInnerHTML={{ __html: secondFactor.enrolment.qrCode }} />
              <code className="secret" data-testid="totp-secret">
                {secondFactor.enrolment.secret}
              </code>
            </>
          )}
          <label>
            {withRecoveryCode ? 'Recovery code' : 'Code from your authenticator app'}
            <input name="code" required autoComplete="one-time-code" />
          </label>
          <button type="submit" disabled={busy}>
            Verify
          </button>
          {!secondFactor.enrolment && (
            <button type="button" className="link" onClick={() => setWithRecoveryCode(!withRecoveryCode)}>
              {withRecoveryCode ? 'Use the authenticator app' : 'Use a recovery code'}
            </button>
          )}
        </form>
      )}
      {recoveryCode && (
        <p className="success">
          Signed in. Keep this recovery code, shown once:{' '}
          <code data-testid="recovery-code">{recoveryCode}</code>
        </p>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
    </div>
  );
}

function DeviceCode() {
  const { busy, error, run } = useAction();
  const [codes, setCodes] = useState<DeviceAuthorization>();
  const [deviceUser, setDeviceUser] = useState<User>();
  const polling = useRef<AbortController>(undefined);
  useEffect(() => () => polling.current?.abort(), []);

  const start = () =>
    run(async () => {
      const started = await deviceAuth.device.start();
      setCodes(started);
      polling.current = new AbortController();
      try {
        await deviceAuth.device.poll({ ...started, signal: polling.current.signal });
        setDeviceUser(await deviceAuth.getUser());
      } catch (e) {
        if (!polling.current.signal.aborted) throw e;
      } finally {
        setCodes(undefined);
      }
    });
  const signOut = () =>
    run(async () => {
      await deviceAuth.logout({ openUrl: false });
      setDeviceUser(undefined);
    });

  return (
    <div className="card">
      <h2>Device code</h2>
      {codes ? (
        <div className="stack">
          <p>Approve this code on another device (or another tab):</p>
          <code className="user-code" data-testid="user-code">
            {codes.userCode}
          </code>
          <a href={codes.verificationUriComplete ?? codes.verificationUri} target="_blank" rel="noreferrer">
            Open the activation page
          </a>
          <p role="status">Waiting for approval…</p>
          <button type="button" className="secondary" onClick={() => polling.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : deviceUser ? (
        <div className="stack">
          <p className="success">The device is signed in as {deviceUser.name}.</p>
          <button type="button" className="secondary" disabled={busy} onClick={signOut}>
            Sign the device out
          </button>
        </div>
      ) : (
        <div className="stack">
          <p>This card plays a device without a keyboard, a TV say: it shows a code for you to approve.</p>
          <button type="button" disabled={busy} onClick={start}>
            Get a code
          </button>
        </div>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
    </div>
  );
}
