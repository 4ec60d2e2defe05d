import type { ResolvedConnection } from '../config/types.js';
import { ApiError } from '../http/auth0Api.js';

const classes = {
  lower: { message: 'lower case letters (a-z)', code: 'lowerCase', test: /[a-z]/ },
  upper: { message: 'upper case letters (A-Z)', code: 'upperCase', test: /[A-Z]/ },
  numbers: { message: 'numbers (i.e. 0-9)', code: 'numbers', test: /[0-9]/ },
  special: { message: 'special characters (e.g. !@#$%^&*)', code: 'specialCharacters', test: /[^a-zA-Z0-9]/ },
} as const;

/**
 * Checks a password against a connection's policy.
 *
 * @throws {ApiError} Auth0's 400 `PasswordStrengthError` (`code: 'invalid_password'`) whose
 *   `description.rules` mark each rule `verified` or not, and whose `message` names the
 *   failed ones, and whose `policy` is the rules as text (one `* rule` a line).
 */
export function checkPasswordPolicy(connection: ResolvedConnection, password: string): void {
  const { min_length, require } = connection.password_policy;
  const length = {
    message: 'At least %d characters in length',
    format: [min_length],
    code: 'lengthAtLeast',
    verified: password.length >= min_length,
  };
  const items = require.map((name) => ({
    message: classes[name].message,
    code: classes[name].code,
    verified: classes[name].test.test(password),
  }));
  const rules: object[] = [length];
  if (items.length)
    rules.push({
      message: 'Should contain:',
      code: 'shouldContain',
      verified: items.every((i) => i.verified),
      items,
    });
  const failed = [
    ...(length.verified ? [] : [`at least ${min_length} characters in length`]),
    ...items.filter((item) => !item.verified).map((item) => item.message),
  ];
  if (!failed.length) return;
  // Auth0's `policy`: the rules as the text its sign-up widget shows.
  const policy = [
    `* At least ${min_length} characters in length`,
    ...(items.length ? ['* Should contain:', ...items.map((item) => `  * ${item.message}`)] : []),
  ].join('\n');
  throw new ApiError(
    400,
    'invalid_password',
    { rules, verified: false },
    {
      name: 'PasswordStrengthError',
      message: `Password is too weak: it needs ${failed.join(', ')}.`,
      fields: { policy },
    },
  );
}
