import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TWILIO_REST_MAX_RETRIES, twilioRestClient } from './rest-client.js';

const ACCOUNT = 'AC00000000000000000000000000000001';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const tooMany: Answer = (_req, res) => {
  res.writeHead(429, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
};
const created =
  (status: number): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({ sid: 'CA0000000000000000000000000000abcd', account_sid: ACCOUNT, status: 'queued' }),
    );
  };
/** The connection drops before any answer: Twilio may or may not have placed the call. */
const dropped: Answer = (req) => req.socket.destroy();

/** Twilio's REST API played by a local server, answering each request with the next scripted answer. */
async function twilioApi(script: Answer[]) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    requests.push(`${req.method} ${req.url}`);
    (script[requests.length - 1] ?? created(200))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  const client = twilioRestClient(ACCOUNT, 'auth-token', { apiUrl: `http://localhost:${port}` });
  return { client, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const outbound = {
  to: '+12025550143',
  from: '+12125550100',
  url: 'https://voice.example.com/twilio/answered?contact=cb-1',
  statusCallback: 'https://voice.example.com/twilio/status?contact=cb-1',
  timeoutSeconds: 30,
};

describe('Twilio REST client retries', () => {
  it('places an outbound call that Twilio first refused with 429', async () => {
    const { client, requests } = await twilioApi([tooMany, created(201)]);
    await expect(client.createCall(outbound)).resolves.toEqual({ sid: 'CA0000000000000000000000000000abcd' });
    expect(requests).toEqual([
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls.json`,
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls.json`,
    ]);
  });

  it('redirects a call and drives recordings through 429s too', async () => {
    const { client, requests } = await twilioApi([tooMany, tooMany, created(200), tooMany, created(201)]);
    await client.redirectCall('CA1', 'https://voice.example.com/twilio/wait?contact=c1');
    await expect(client.startRecording('CA1', 'dual')).resolves.toMatchObject({ sid: expect.any(String) });
    expect(requests).toEqual([
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls/CA1.json`,
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls/CA1.json`,
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls/CA1.json`,
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls/CA1/Recordings.json`,
      `POST /2010-04-01/Accounts/${ACCOUNT}/Calls/CA1/Recordings.json`,
    ]);
  });

  it(`gives up after ${TWILIO_REST_MAX_RETRIES} retries of 429 and fails the request`, async () => {
    const { client, requests } = await twilioApi(Array.from({ length: 10 }, () => tooMany));
    await expect(client.redirectCall('CA1', 'https://voice.example.com/twilio/wait')).rejects.toThrow();
    expect(requests).toHaveLength(1 + TWILIO_REST_MAX_RETRIES);
  });

  it('never places an outbound call a second time after a network error or a 5xx', async () => {
    const network = await twilioApi([dropped, created(201)]);
    await expect(network.client.createCall(outbound)).rejects.toThrow();
    expect(network.requests).toHaveLength(1);
    const serverError = await twilioApi([created(500), created(201)]);
    await expect(serverError.client.createCall(outbound)).rejects.toThrow();
    expect(serverError.requests).toHaveLength(1);
  });
});

describe('Twilio REST client text messages', () => {
  it('sends a text message through the Messaging API with its number, sender and body', async () => {
    const bodies: string[] = [];
    const requests: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        bodies.push(body);
        created(201)(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    const client = twilioRestClient(ACCOUNT, 'auth-token', { apiUrl: `http://localhost:${port}` });
    await expect(
      client.sendMessage({ to: '+12025550143', from: '+12125550100', body: 'Your callback is booked.' }),
    ).resolves.toMatchObject({ sid: expect.any(String) });
    expect(requests).toEqual([`POST /2010-04-01/Accounts/${ACCOUNT}/Messages.json`]);
    expect(Object.fromEntries(new URLSearchParams(bodies[0]))).toEqual({
      To: '+12025550143',
      From: '+12125550100',
      Body: 'Your callback is booked.',
    });
  });

  it('fails the request when Twilio refuses the message (a 400), so the block takes failed', async () => {
    const { client, requests } = await twilioApi([
      (_req, res) => {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            code: 21211,
            message: "The 'To' number is not a valid phone number.",
            status: 400,
          }),
        );
      },
    ]);
    await expect(client.sendMessage({ to: '+1202', from: '+12125550100', body: 'Hi' })).rejects.toThrow();
    expect(requests).toHaveLength(1);
  });
});
