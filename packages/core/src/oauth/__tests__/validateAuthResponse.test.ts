import { describe, expect, it } from 'vitest';
import { AuthError } from '../../errors/AuthError.js';
import type { AuthorizationServer } from '../types.js';
import { validateAuthResponse } from '../validateAuthResponse.js';

const ISSUER = 'https://op.example/';
const STATE = 'af0ifjsldkj';
const as = (issRequired = false): AuthorizationServer => ({
  issuer: ISSUER,
  ...(issRequired && { authorization_response_iss_parameter_supported: true }),
});

/** The `AuthError` that validating `query` throws. */
function refusal(query: string, server = as(), state = STATE): AuthError {
  try {
    validateAuthResponse(server, new URLSearchParams(query), state);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error('accepted');
}

const iss = `iss=${encodeURIComponent(ISSUER)}`;

describe('validateAuthResponse (RFC 6749 §4.1.2, RFC 9207)', () => {
  it('returns a copy of the parameters of a valid response, with or without iss', () => {
    const parameters = new URLSearchParams(`code=SplxlOBeZQQYbYS6WxSbIA&state=${STATE}&${iss}`);
    const result = validateAuthResponse(as(true), parameters, STATE);
    expect(result.get('code')).toBe('SplxlOBeZQQYbYS6WxSbIA');
    expect(result).not.toBe(parameters);
    expect(validateAuthResponse(as(), new URLSearchParams(`code=c&state=${STATE}`), STATE).get('code')).toBe(
      'c',
    );
  });

  it('refuses a parameter given twice (code, state, iss, error or any other)', () => {
    for (const query of [
      `code=a&code=b&state=${STATE}`,
      `code=a&state=${STATE}&state=${STATE}`,
      `code=a&state=${STATE}&${iss}&${iss}`,
      `error=access_denied&error=login_required&state=${STATE}`,
      `code=a&state=${STATE}&session_state=1&session_state=2`,
    ]) {
      const error = refusal(query);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/more than once/);
    }
  });

  it('refuses a response without iss when the server says it sends one, and an iss of another issuer', () => {
    expect(refusal(`code=a&state=${STATE}`, as(true)).message).toMatch(/has no "iss"/);
    expect(refusal(`code=a&state=${STATE}&iss=https%3A%2F%2Fop.example`).message).toMatch(/another issuer/);
    expect(refusal(`code=a&state=${STATE}&iss=`).message).toMatch(/another issuer/);
    expect(refusal(`code=a&state=${STATE}&iss=https%3A%2F%2Fevil.example%2F`, as(true)).code).toBe(
      'invalid_response',
    );
  });

  it('refuses a missing, empty or other state', () => {
    for (const query of ['code=a', 'code=a&state=', 'code=a&state=other', `code=a&state=${STATE}x`]) {
      expect(refusal(query).message).toMatch(/another "state"/);
    }
  });

  it("throws an error response as the server's code and description, only once its state matched", () => {
    const error = refusal(`error=access_denied&error_description=User%20cancelled&state=${STATE}&${iss}`);
    expect(error.code).toBe('access_denied');
    expect(error.description).toBe('User cancelled');
    expect((error.cause as Error).message).toBe('authorization response access_denied');
    // Of another state (an attacker's), it is not the server's answer to this transaction.
    expect(refusal('error=login_required&state=forged').code).toBe('invalid_response');
  });

  it('refuses tokens in the response (implicit, hybrid or JARM)', () => {
    for (const extra of ['id_token=eyJ.x.y', 'token=abc', 'response=eyJ.x.y']) {
      expect(refusal(`code=a&state=${STATE}&${extra}`).message).toMatch(/carries tokens/);
    }
  });
});
