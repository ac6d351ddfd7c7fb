import type { Resources } from '@callflow/model';
import type { DialResult } from '@callflow/runtime';
import express, { type Request, type Response, type Router } from 'express';
import type { TwilioAdapter, TwilioLog } from './adapter.js';
import { verifyTwilioSignature } from './signature.js';
import { renderEmpty, renderParked, renderText } from './twiml.js';

/** What the adapter needs from the service that hosts the engine. */
export interface VoiceHost {
  resources(): Resources;
  /** Starts a contact on the live version of `flowId`; events and commands flow through the adapter. */
  startInboundCall(call: {
    contactId: string;
    flowId: string;
    from: string;
    to: string;
  }): void | Promise<void>;
  /**
   * Whether the engine holds this contact as ended. After a restart the adapter has no memory of calls
   * that ended before it; a late webhook for one is answered with a hang-up and the call forgotten,
   * instead of being taken for a live call and kept as one.
   */
  contactEnded?(contactId: string): boolean;
}

export interface TwilioWebhookOptions {
  adapter: TwilioAdapter;
  host: VoiceHost;
  authToken: string;
  /** Public URL of the mount point (what Twilio is configured to call), used for signatures. */
  publicUrl: string;
  /** Flow for numbers without `inboundFlow` in resources. */
  defaultFlow?: string;
  /** Said before hanging up when the engine fails. */
  fallbackText?: string;
  /** Twilio waits 15 s for an answer; past this budget the call is parked in the wait loop. */
  budgetMs?: number;
  log?: TwilioLog;
}

const DIAL_RESULTS: Record<string, DialResult> = {
  busy: 'busy',
  'no-answer': 'noAnswer',
  failed: 'failed',
  canceled: 'failed',
};

const field = (req: Request, name: string): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name] ?? req.query[name];
  return typeof value === 'string' ? value : '';
};

/** The contact a webhook is about: the `contact` parameter we put in every URL, or the inbound CallSid. */
function contactOf(req: Request): string {
  const fromUrl = typeof req.query.contact === 'string' ? req.query.contact : '';
  return fromUrl || `twilio-${field(req, 'CallSid')}`;
}

function refs(req: Request): string[] {
  const list = typeof req.query.prompts === 'string' ? req.query.prompts : '';
  return list ? list.split(',') : [];
}

/**
 * Express routes for Twilio's webhooks (mount them where `publicUrl` points): every request is verified
 * with X-Twilio-Signature, turned into engine events, and answered with TwiML — idempotently (a retried
 * webhook gets the same answer and delivers nothing twice) and always within Twilio's time budget.
 */
export function twilioWebhooks(options: TwilioWebhookOptions): Router {
  const { adapter, host } = options;
  const router = express.Router();
  const fallback = renderText(
    options.fallbackText ?? 'We are sorry, something went wrong. Please call again later.',
    true,
  );
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));
  router.use(verifyTwilioSignature(options.authToken, options.publicUrl));

  /**
   * A webhook for a call that is over: forgotten by the adapter, or (after a restart) unknown to it and
   * ended for the engine — that one is forgotten now, so that it is answered with a hang-up.
   */
  const isOver = (contactId: string): boolean => {
    if (adapter.forgot(contactId)) return true;
    if (adapter.knows(contactId) || !host.contactEnded?.(contactId)) return false;
    adapter.forget(contactId);
    return true;
  };

  /** Twilio can still call about a call long over; such a webhook is answered without touching anything. */
  const logLate = (contactId: string, route: string) =>
    options.log?.(
      'webhook for a call already forgotten: answered without delivering',
      { contactId, route },
      'debug',
    );

  const answer = async (
    req: Request,
    res: Response,
    route: string,
    deliver: (contactId: string) => void | Promise<void>,
  ) => {
    const contactId = contactOf(req);
    isOver(contactId); // forgets a call that ended before a restart: the adapter answers it with a hang-up
    const callSid = field(req, 'CallSid');
    const key = `${route}:${typeof req.query.s === 'string' ? req.query.s : ''}:${field(req, 'DialCallStatus')}${field(req, 'CallStatus')}`;
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        options.log?.('webhook over budget: call parked in the wait loop', { contactId, route });
        resolve(parked(adapter, contactId));
      }, options.budgetMs ?? 10_000);
    });
    try {
      const work = adapter
        .answer(contactId, key, () => {
          const call = adapter.call(contactId);
          if (callSid && !call.callSid) call.callSid = callSid;
          return deliver(contactId);
        })
        .then((a) => {
          if (a.forgotten) logLate(contactId, route);
          return a.twiml;
        });
      res.type('text/xml').send(await Promise.race([work, budget]));
    } catch (error) {
      options.log?.('webhook failed: fallback TwiML', {
        contactId,
        route,
        error: error instanceof Error ? error.message : String(error),
      });
      res.type('text/xml').send(fallback);
    } finally {
      clearTimeout(timer);
    }
  };

  router.post('/voice', (req, res) => {
    const to = field(req, 'To');
    const number = Object.values(host.resources().numbers).find((n) => n.number === to);
    const flowId = number?.inboundFlow ?? options.defaultFlow;
    if (!flowId) {
      res.type('text/xml').send(renderText('The number you have called is not in service.', true));
      return;
    }
    return answer(req, res, 'voice', (contactId) =>
      host.startInboundCall({ contactId, flowId, from: field(req, 'From'), to }),
    );
  });

  router.post('/gather', (req, res) =>
    answer(req, res, 'gather', (contactId) => {
      for (const ref of refs(req)) adapter.emit(contactId, { type: 'promptDone', ref }, `done:${ref}`);
      const digits = field(req, 'Digits');
      if (!digits) return;
      // `n` names the question these keys answer. Keys for another question than the one being asked
      // (an old webhook replayed) are dropped here; after a restart the adapter does not know the
      // question, and the engine drops them (its snapshot keeps `keysFor`). The answer is the current TwiML.
      const question = typeof req.query.n === 'string' && req.query.n !== '' ? req.query.n : undefined;
      const call = adapter.call(contactId);
      const asking = call.collecting?.ref;
      if (question && asking && question !== asking) {
        options.log?.('keys for an earlier question: not delivered', { contactId, route: 'gather' }, 'debug');
        return;
      }
      delete call.collecting;
      adapter.emit(
        contactId,
        { type: 'digits', digits, ...(question ? { ref: question } : {}) },
        `digits:${String(req.query.s)}`,
      );
    }),
  );

  router.post('/wait', (req, res) => answer(req, res, 'wait', () => undefined));

  // <Record>'s action (the message, also when the caller hung up to end it), or the redirect after it
  // when Twilio heard nothing. The recording stays at Twilio; its URL travels with the callback request.
  router.post('/record', (req, res) =>
    answer(req, res, 'record', (contactId) => {
      const ref = String(req.query.ref ?? '');
      const url = field(req, 'RecordingUrl');
      const seconds = Number(field(req, 'RecordingDuration'));
      const heard = req.query.silent !== '1' && url !== '' && Number.isFinite(seconds) && seconds > 0;
      adapter.emit(
        contactId,
        heard
          ? { type: 'messageRecorded', ref, result: 'recorded', recordingUrl: url, durationSeconds: seconds }
          : { type: 'messageRecorded', ref, result: 'empty' },
        `recorded:${ref}`,
      );
    }),
  );

  router.post('/dial', (req, res) =>
    answer(req, res, 'dial', (contactId) => {
      const ref = String(req.query.ref ?? '');
      const status = field(req, 'DialCallStatus');
      if (status === 'completed' || status === 'answered') {
        adapter.emit(contactId, { type: 'dialResult', ref, result: 'answered' }, `answered:${ref}`);
        adapter.emit(contactId, { type: 'dialResult', ref, result: 'completed' }, `completed:${ref}`);
      } else {
        adapter.emit(
          contactId,
          { type: 'dialResult', ref, result: DIAL_RESULTS[status] ?? 'failed' },
          `result:${ref}`,
        );
      }
    }),
  );

  // Status callbacks: Twilio ignores what we answer, so they never render TwiML.
  router.post('/dial-status', (req, res) => {
    const contactId = contactOf(req);
    const ref = String(req.query.ref ?? '');
    if (isOver(contactId)) logLate(contactId, 'dial-status');
    else if (field(req, 'CallStatus') === 'in-progress') {
      adapter.emit(contactId, { type: 'dialResult', ref, result: 'answered' }, `answered:${ref}`);
    }
    res.type('text/xml').send(renderEmpty());
  });

  router.post('/answered', (req, res) =>
    answer(req, res, 'answered', (contactId) => {
      const ref = String(req.query.ref ?? '');
      const call = adapter.call(contactId);
      if (call.outbound) call.outbound.answered = true;
      adapter.emit(contactId, { type: 'dialResult', ref, result: 'answered' }, `answered:${ref}`);
    }),
  );

  router.post('/status', (req, res) => {
    const contactId = contactOf(req);
    const status = field(req, 'CallStatus');
    const ref = typeof req.query.ref === 'string' ? req.query.ref : undefined;
    if (isOver(contactId)) logLate(contactId, 'status');
    const call = adapter.knows(contactId) ? adapter.call(contactId) : undefined;
    if (ref && call?.outbound?.ref === ref) {
      if (call.outbound.answered) {
        if (status === 'completed') {
          adapter.emit(contactId, { type: 'dialResult', ref, result: 'completed' }, `completed:${ref}`);
          adapter.markEnded(contactId);
        }
      } else if (DIAL_RESULTS[status] || status === 'completed') {
        adapter.emit(
          contactId,
          { type: 'dialResult', ref, result: DIAL_RESULTS[status] ?? 'noAnswer' },
          `result:${ref}`,
        );
        delete call.outbound;
        delete call.callSid;
      }
    } else if (
      // No state for the caller's own call happens after a restart: the engine may still hold the contact
      // (restored from its store), so the hang-up must reach it. A forgotten call has ended already.
      (call ? !call.ended : !ref && !adapter.forgot(contactId)) &&
      ['completed', 'busy', 'no-answer', 'failed', 'canceled'].includes(status)
    ) {
      adapter.emit(contactId, { type: 'callerHangUp' }, 'hangup');
      adapter.markEnded(contactId);
    }
    res.type('text/xml').send(renderEmpty());
  });

  router.post('/bridge-end', (req, res) =>
    answer(req, res, 'bridge-end', (contactId) => {
      adapter.emit(contactId, { type: 'agentHangUp' }, `agent-hangup:${String(req.query.s)}`);
    }),
  );

  router.post('/whisper', (req, res) => {
    const contactId = contactOf(req);
    if (isOver(contactId)) logLate(contactId, 'whisper');
    res.type('text/xml').send(adapter.whisperFor(contactId));
  });

  return router;
}

function parked(adapter: TwilioAdapter, contactId: string): string {
  return renderParked(adapter.url(adapter.call(contactId), 'wait'));
}
