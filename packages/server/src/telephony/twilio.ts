import { ownEntry, type Resources } from '@callflow/model';
import { isContactOver } from '@callflow/runtime';
import type { Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ContactHost } from '../runtime-host/contact-host.js';
import type { PromptFiles } from '../store/prompt-files.js';
import type { TwilioConfig } from './twilio-config.js';

/** Contact ids of calls Twilio carries start with this; the host routes their commands to Twilio. */
export const TWILIO_PREFIX = 'twilio-';

export interface TwilioTelephony {
  adapter: import('@callflow/adapter-twilio').TwilioAdapter;
  /** Mounts the signature-verified webhook routes at /twilio once the host exists. */
  mount(app: Express, host: () => ContactHost, freshResources: RequestHandler): void;
}

/**
 * Loads the Twilio adapter (only when configured: the `twilio` package is large) and prepares its
 * webhook routes. Calls to a number start its `inboundFlow` on the live published version.
 */
export async function createTwilioTelephony(
  config: TwilioConfig,
  resources: () => Resources,
  logger: Logger,
  client?: import('@callflow/adapter-twilio').TwilioRestClient,
  prompts?: PromptFiles,
): Promise<TwilioTelephony> {
  const { TwilioAdapter, promptAudioRoutes, signedPromptUrl, twilioRestClient, twilioWebhooks } =
    await import('@callflow/adapter-twilio');
  const log = (message: string, data?: Record<string, unknown>, level: 'warn' | 'debug' = 'warn') =>
    logger[level]({ ...data, provider: 'twilio' }, message);
  const adapter = new TwilioAdapter({
    publicUrl: config.publicUrl,
    // Recordings uploaded beside the flows: <Play> from this service, at a URL only Twilio is given.
    promptAudioUrl: (file) => signedPromptUrl(config.authToken, config.publicUrl, file),
    ...(client
      ? { client }
      : config.accountSid
        ? { client: twilioRestClient(config.accountSid, config.authToken) }
        : {}),
    defaultCallerId: () => {
      const r = resources();
      return ownEntry(r.numbers, r.account.principalNumber)?.number;
    },
    log,
  });
  return {
    adapter,
    mount(app, host, freshResources) {
      if (prompts) {
        app.use(
          '/twilio',
          promptAudioRoutes({
            authToken: config.authToken,
            publicUrl: config.publicUrl,
            read: (name) => prompts.read(name),
          }),
        );
      }
      app.use('/twilio', freshResources); // numbers and their flows may have changed in resources.json
      app.use(
        '/twilio',
        twilioWebhooks({
          adapter,
          authToken: config.authToken,
          publicUrl: config.publicUrl,
          ...(config.defaultFlow ? { defaultFlow: config.defaultFlow } : {}),
          log,
          host: {
            resources,
            startInboundCall: ({ contactId, flowId, from, to }) =>
              host().startLiveCall({ contactId, flow: flowId, from, to }),
            contactEnded: (contactId) => isContactOver(host().snapshot(contactId)),
          },
        }),
      );
    },
  };
}
