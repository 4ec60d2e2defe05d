import { readFile } from 'node:fs/promises';
import { ConfigError } from './ConfigError.js';
import type { TenantConfig } from './types.js';
import { validateConfig } from './validateConfig.js';

/**
 * Reads and validates a JSON config file.
 *
 * @param path - the file path.
 * @throws {ConfigError} when the file cannot be read, is not JSON, or has a bad field.
 */
export async function loadConfigFile(path: string): Promise<TenantConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(path, 'cannot be read', { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(path, `is not valid JSON (${(cause as Error).message})`, { cause });
  }
  return validateConfig(json);
}
