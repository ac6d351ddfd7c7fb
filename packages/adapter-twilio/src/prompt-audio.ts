/**
 * Prompt recordings uploaded beside the flows are played with <Play> from the service's own URL. Twilio
 * fetches that URL without any token of ours, so the URL carries its own signature instead: the
 * `twilio` package's HMAC of the URL with the account's auth token (the scheme Twilio signs its own
 * webhooks with). Twilio can fetch a URL the service gave it; anyone else gets 403, and a signature
 * for one recording opens no other.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import twilio from 'twilio';

const CONTENT_TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' };
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,90}\.(wav|mp3)$/;

function unsignedUrl(publicUrl: string, name: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/prompts/${encodeURIComponent(name)}`;
}

/** The signed URL Twilio plays `file` (`prompts/<name>`) from. */
export function signedPromptUrl(authToken: string, publicUrl: string, file: string): string {
  const url = unsignedUrl(publicUrl, file.replace(/^prompts\//, ''));
  return `${url}?sig=${encodeURIComponent(twilio.getExpectedTwilioSignature(authToken, url, {}))}`;
}

export interface PromptAudioOptions {
  authToken: string;
  publicUrl: string;
  /** The recording's bytes (`name` without `prompts/`); undefined when there is none. */
  read(name: string): Promise<Buffer | undefined>;
}

/** `GET /prompts/:file?sig=…` under the webhook mount point: the recording, for a correctly signed URL only. */
export function promptAudioRoutes(options: PromptAudioOptions): Router {
  const router = express.Router();
  router.get('/prompts/:file', async (req, res, next) => {
    try {
      const name = String(req.params.file);
      const type = NAME.exec(name)?.[1];
      const expected = Buffer.from(
        twilio.getExpectedTwilioSignature(options.authToken, unsignedUrl(options.publicUrl, name), {}),
      );
      const given = Buffer.from(typeof req.query.sig === 'string' ? req.query.sig : '');
      if (!type || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(403).json({
          code: 'invalid_signature',
          message: 'A prompt recording is served to the URL the service signed for Twilio only.',
          details: {},
        });
        return;
      }
      const bytes = await options.read(name);
      if (!bytes) {
        res.status(404).json({
          code: 'prompt_file_not_found',
          message: `There is no recording prompts/${name}.`,
          details: { file: name },
        });
        return;
      }
      res.set('Content-Type', CONTENT_TYPES[type]).send(bytes);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
