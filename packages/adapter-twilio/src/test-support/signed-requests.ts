import type { Express } from 'express';
import request from 'supertest';
import twilio from 'twilio';

export const AUTH_TOKEN = 'test-auth-token-12345';
export const PUBLIC_URL = 'https://voice.example.com/twilio';

/** Posts a webhook the way Twilio does: form-encoded, signed over the public URL and the parameters. */
export function signedPost(
  app: Express,
  pathAndQuery: string,
  params: Record<string, string>,
  token = AUTH_TOKEN,
) {
  const signature = twilio.getExpectedTwilioSignature(token, `${PUBLIC_URL}${pathAndQuery}`, params);
  return request(app)
    .post(`/twilio${pathAndQuery}`)
    .type('form')
    .set('X-Twilio-Signature', signature)
    .send(params);
}

/** The path and query Twilio would call for an absolute URL the adapter rendered. */
export function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname.replace(/^\/twilio/, '')}${u.search}`;
}

/** Pulls the attribute values of a TwiML verb out of a response, in document order. */
export function attributes(twiml: string, verb: string, attribute: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(`<${verb}\\b[^>]*\\s${attribute}="([^"]*)"`, 'g');
  for (const m of twiml.matchAll(pattern)) out.push(decodeXml(m[1] ?? ''));
  return out;
}

export function decodeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The URL of the response's <Redirect>. */
export function redirectTarget(twiml: string): string {
  const url = twiml.match(/<Redirect[^>]*>([^<]+)<\/Redirect>/)?.[1];
  if (!url) throw new Error(`no <Redirect> in ${twiml}`);
  return decodeXml(url);
}
