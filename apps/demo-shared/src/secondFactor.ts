import { renderSVG } from 'uqr';
import { auth } from './client';

/** The second step of a login that answered `mfa_required`. */
export interface SecondFactor {
  mfaToken: string;
  /** When the user had no authenticator app: scan the QR code (or type the secret), then enter a code. */
  enrolment?: { qrCode: string; secret: string; recoveryCode: string | undefined };
}

/**
 * What follows an `MfaRequiredError`: a user without an authenticator app enrols one (the QR
 * code of `barcode_uri`, as an SVG string), a user with one is challenged. Either way the user
 * then types a code for `auth.mfa.verify()`.
 */
export async function startSecondFactor(mfaToken: string): Promise<SecondFactor> {
  const authenticators = await auth.mfa.getAuthenticators(mfaToken);
  if (authenticators.some((a) => a.active && a.authenticator_type === 'otp')) {
    await auth.mfa.challenge({ mfaToken, challengeType: 'otp' });
    return { mfaToken };
  }
  const app = await auth.mfa.enroll({ mfaToken, authenticatorTypes: ['otp'] });
  if (app.authenticator_type !== 'otp') throw new TypeError('the tenant enrolled no authenticator app');
  return {
    mfaToken,
    enrolment: {
      qrCode: renderSVG(app.barcode_uri),
      secret: app.secret,
      recoveryCode: app.recovery_codes?.[0],
    },
  };
}
