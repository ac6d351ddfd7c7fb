/** A setting the service cannot start with; main prints its message and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
