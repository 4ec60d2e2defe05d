/**
 * The signed-in user's claims, as auth0-spa-js's `User` (a class there, so
 * `import { User }` also works as a value). Sesame's snapshot users fit it.
 *
 * @example
 * interface MyUser extends User { 'https://example.com/roles'?: string[] }
 * const { user } = useAuth0<MyUser>();
 */
export class User {
  /** Full name. */
  declare name?: string;
  /** Given (first) name. */
  declare given_name?: string;
  /** Family (last) name. */
  declare family_name?: string;
  /** Middle name. */
  declare middle_name?: string;
  /** Casual name. */
  declare nickname?: string;
  /** The name the user prefers to be called by (not unique). */
  declare preferred_username?: string;
  /** URL of the user's profile page. */
  declare profile?: string;
  /** URL of the user's profile picture. */
  declare picture?: string;
  /** URL of the user's web page or blog. */
  declare website?: string;
  /** Preferred email address (with the `email` scope). */
  declare email?: string;
  /** True when the issuer has verified `email`. */
  declare email_verified?: boolean;
  /** Gender. */
  declare gender?: string;
  /** Birthday, `YYYY-MM-DD` (or `YYYY`). */
  declare birthdate?: string;
  /** Time zone, e.g. `Europe/Paris`. */
  declare zoneinfo?: string;
  /** Locale, a BCP 47 tag such as `fr-CA`. */
  declare locale?: string;
  /** Preferred telephone number (with the `phone` scope). */
  declare phone_number?: string;
  /** True when the issuer has verified `phone_number`. */
  declare phone_number_verified?: boolean;
  /** Postal address, as auth0-spa-js types it (a string). */
  declare address?: string;
  /** When the profile last changed, as Auth0 sends it (ISO 8601). */
  declare updated_at?: string;
  /** Subject: the user's identifier at the issuer (OIDC Core §5.1). */
  declare sub?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  [key: string]: any;
}
