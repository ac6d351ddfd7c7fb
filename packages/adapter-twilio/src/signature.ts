import type { NextFunction, Request, Response } from 'express';
import twilio from 'twilio';

/**
 * Verifies `X-Twilio-Signature` (HMAC-SHA1 of the public URL and the sorted POST parameters, computed
 * by the `twilio` package). The URL is the one Twilio called: behind a proxy or a tunnel it is not what
 * express sees, so it is built from the configured public URL of the mount point plus the request path.
 */
export function verifyTwilioSignature(authToken: string, publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return (req: Request, res: Response, next: NextFunction): void => {
    const signature = req.header('x-twilio-signature');
    const params = (req.body ?? {}) as Record<string, string>;
    const url = `${base}${req.url}`;
    if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, url, params)) {
      res.status(403).json({
        code: 'invalid_signature',
        message: 'The request is not signed by Twilio for this URL (X-Twilio-Signature).',
        details: { url },
      });
      return;
    }
    next();
  };
}
