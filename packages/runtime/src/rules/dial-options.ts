import { accountDialOptions, type DialNumberOptions } from '@callflow/model';
import type { EngineEnv } from '../types.js';

/** The account's dialling rules (allowed countries, emergency numbers) every number check uses. */
export function dialOptions(ctx: { env: EngineEnv }): DialNumberOptions {
  return accountDialOptions(ctx.env.resources.account);
}
