import { expect } from 'vitest';
import { AuthError } from '../../errors/AuthError.js';

/**
 * What a check threw, as a test compares it: the error must be the `invalid_response` `AuthError`
 * every token and ID-token check throws; its message is returned.
 */
export function refusal(error: unknown): string {
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe('invalid_response');
  return (error as AuthError).message;
}
