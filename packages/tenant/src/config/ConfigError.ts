/**
 * Thrown when a tenant configuration is invalid. `field` names the offending field as a
 * path (e.g. `clients[0].callbacks[1]`); the message starts with it.
 */
export class ConfigError extends Error {
  /** A stable code for callers that branch on the error. */
  readonly code = 'invalid_config';
  /** The path of the bad field, e.g. `ttl.accessToken`. */
  readonly field: string;

  /**
   * Creates the error; the message is `Invalid tenant config: {field} {problem}`.
   *
   * @param field - The path of the bad field.
   * @param problem - What is wrong with it.
   * @param options - `cause`: the underlying error.
   */
  constructor(field: string, problem: string, options?: ErrorOptions) {
    super(`Invalid tenant config: ${field} ${problem}`, options);
    this.name = 'ConfigError';
    this.field = field;
  }
}
