/**
 * The signed-in user's claims, as auth0-spa-js's `User` (a class there, so
 * `import { User }` also works as a value). Sesame's snapshot users fit it.
 *
 * @example
 * interface MyUser extends User { 'https://example.com/roles'?: string[] }
 * const { user } = useAuth0<MyUser>();
 */
export class User {
  declare name?: string;
  declare given_name?: string;
  declare family_name?: string;
  declare middle_name?: string;
  declare nickname?: string;
  declare preferred_username?: string;
  declare profile?: string;
  declare picture?: string;
  declare website?: string;
  declare email?: string;
  declare email_verified?: boolean;
  declare gender?: string;
  declare birthdate?: string;
  declare zoneinfo?: string;
  declare locale?: string;
  declare phone_number?: string;
  declare phone_number_verified?: boolean;
  declare address?: string;
  declare updated_at?: string;
  declare sub?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  [key: string]: any;
}
