import { useAuth } from '@sesame/react';
import { Avatar } from '../ui';

export function Profile() {
  const { user } = useAuth();
  return (
    <>
      <h1>Profile</h1>
      <p className="lead">A protected page: only a signed-in user gets here.</p>
      <div className="card profile">
        <Avatar user={user} large />
        <div>
          <h2>{user?.name}</h2>
          <span className="muted">{user?.email}</span>{' '}
          {user?.email_verified && <span className="badge">verified</span>}
        </div>
      </div>
      <div className="card">
        <h2>Claims from the ID token</h2>
        <pre>{JSON.stringify(user, null, 2)}</pre>
      </div>
    </>
  );
}
