import type { User } from '@sesame/core';
import { describeError, initials } from '@sesame/demo-shared';

/** The user's picture, or their initials. */
export function Avatar({ user, large = false }: { user: User | undefined; large?: boolean }) {
  const className = large ? 'avatar large' : 'avatar';
  if (user?.picture) return <img className={className} src={user.picture} alt="" />;
  return (
    <span className={className} aria-hidden="true">
      {initials(user)}
    </span>
  );
}

/** An error as a readable sentence, with its code. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { code, message } = describeError(error);
  return (
    <div className="alert" role="alert">
      <code>{code}</code>
      <span>{message}</span>
    </div>
  );
}
