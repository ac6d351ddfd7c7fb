import type { Flow } from '@callflow/model';
import { REDACTED } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/request';
import type {
  CallerAction,
  ServiceAgent,
  ServiceCalls,
  ServiceContact,
  ServiceLogEntry,
  ServiceTraceEntry,
} from '../api/service-calls';
import type { ServerEventListener } from '../app/server-events';
import type { CallSetup } from './call-setup';
import { ServiceCallController } from './service-call-controller';

const flow = {
  id: 'support',
  name: 'Support',
  type: 'inbound',
  start: 'menu',
  variables: {
    reason: { type: 'string', label: 'Reason', agentViewable: true },
    pin: { type: 'string', label: 'PIN', secure: true },
  },
  blocks: { menu: { type: 'menu', settings: {} } },
} as unknown as Flow;

const setup: CallSetup = {
  from: '+12025550123',
  to: '+12125550100',
  localStart: '2026-03-09T10:00',
  timeZone: 'UTC',
};

/** The service as the API shows it, with a call that a test moves along by hand. */
class FakeService {
  requests: string[] = [];
  contact: ServiceContact | null = null;
  trace: ServiceTraceEntry[] = [];
  log: ServiceLogEntry[] = [];
  logId = 'log-a';
  agents: ServiceAgent[] = [{ name: 'alice', displayName: 'Alice', groups: [], state: 'Available' }];
  refuseStart: ApiError | null = null;
  /** Resolves startCall only when released (to press keys before the call exists). */
  holdStart: Promise<void> = Promise.resolve();

  say(type: string, detail: Record<string, unknown>, direction: 'command' | 'event' = 'command') {
    this.log.push({ seq: this.log.length + 1, at: 1000 + this.log.length, direction, type, detail });
  }

  calls(): ServiceCalls {
    return {
      startCall: async (flowId, from, to) => {
        this.requests.push(`start ${flowId} ${from} ${to}`);
        await this.holdStart;
        if (this.refuseStart) throw this.refuseStart;
        this.contact = {
          contactId: 'c-1',
          flowId,
          version: 3,
          status: 'running',
          endReason: null,
          block: 'menu',
          stack: [{ kind: 'flow', flowId, version: 3, block: 'menu' }],
          callerNumber: from,
          dialedNumber: to,
          variables: { reason: 'billing', pin: REDACTED },
          timers: [{ id: 't1', at: '2026-03-09T10:00:08.000Z', event: 'timeout' }],
          startedAt: '2026-03-09T10:00:00.000Z',
          variableVersions: {},
          steps: 1,
        };
        this.trace = [{ seq: 1, at: 1000, flowId, block: 'menu', blockType: 'menu' }];
        this.say('play', { type: 'play', to: 'caller', prompt: { text: 'Press 1 for billing.' } });
        return this.contact;
      },
      contact: async () => structuredClone(this.contact as ServiceContact),
      trace: async () => structuredClone(this.trace),
      log: async (id, after = 0) => ({
        contactId: id,
        logId: this.logId,
        entries: this.log.filter((e) => e.seq > after),
        truncated: false,
      }),
      send: async (id, action: CallerAction) => {
        this.requests.push(`send ${id} ${action.type === 'digits' ? action.digits : action.type}`);
        if (action.type === 'digits') this.say('digits', { type: 'digits', digits: REDACTED }, 'event');
        return {};
      },
      agents: async () => structuredClone(this.agents),
      setAgentState: async (name, state) => {
        this.requests.push(`state ${name} ${state}`);
        return this.agents[0] as ServiceAgent;
      },
      accept: async (name) => {
        this.requests.push(`accept ${name}`);
        return this.agents[0] as ServiceAgent;
      },
      reject: async (name) => {
        this.requests.push(`reject ${name}`);
        return this.agents[0] as ServiceAgent;
      },
      agentHangUp: async (name) => {
        this.requests.push(`hangup ${name}`);
        const contactId = this.contact?.contactId ?? '';
        return {
          agent: this.agents[0] as ServiceAgent,
          contact: { contactId, status: 'ended', endReason: 'agent hung up' },
        };
      },
    };
  }
}

function controllerFor(service: FakeService) {
  const listeners = new Set<ServerEventListener>();
  const controller = new ServiceCallController(
    { flow, resources: null, flows: {} },
    {
      calls: service.calls(),
      versionOf: async () => flow,
      events: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      pollMs: 60_000,
      now: () => 5000,
    },
  );
  controller.activate();
  const emit = (type: string, data: Record<string, unknown>) => {
    for (const listener of listeners) listener(type, data);
  };
  return { controller, emit };
}

describe('the simulator on the service', () => {
  it('places the call on the live version and shows what the caller hears, the path and the variables', async () => {
    const service = new FakeService();
    const { controller } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    expect(service.requests).toEqual(['start support +12025550123 +12125550100']);
    const view = controller.getView();
    expect(view).toMatchObject({ phase: 'running', contactId: 'c-1', status: 'running', canPress: true });
    expect(view.transcript.map((l) => l.text)).toEqual(['Press 1 for billing.']);
    expect(view.activeBlockId).toBe('menu');
    expect(view.visitedBlockIds).toEqual(['menu']);
    expect(view.variables).toEqual([
      { name: 'reason', label: 'Reason', value: 'billing', secure: false },
      { name: 'pin', label: 'PIN', value: REDACTED, secure: true },
    ]);
    expect(view.nextTimerAt).toBe(Date.parse('2026-03-09T10:00:08.000Z'));
    controller.dispose();
  });

  it('sends keys in the order pressed, also those pressed before the call was placed', async () => {
    const service = new FakeService();
    let release = () => {};
    service.holdStart = new Promise((resolve) => {
      release = resolve;
    });
    const { controller } = controllerFor(service);
    controller.start(setup);
    controller.press('1');
    controller.press('2');
    release();
    await controller.idle();
    expect(service.requests.slice(1)).toEqual(['send c-1 1', 'send c-1 2']);
    expect(controller.getView().transcript.map((l) => l.text)).toEqual([
      'Press 1 for billing.',
      `Pressed ${REDACTED}`,
      `Pressed ${REDACTED}`,
    ]);
    controller.dispose();
  });

  it('says why when the flow has no live version, and places nothing', async () => {
    const service = new FakeService();
    service.refuseStart = new ApiError(409, 'flow_not_published', 'Flow support has no live version.');
    const { controller } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    const view = controller.getView();
    expect(view.phase).toBe('idle');
    expect(view.errors).toEqual([
      'This flow has no live version on the service: publish it first (the service runs published versions only).',
    ]);
    controller.dispose();
  });

  it('follows the call on the live events: an offer with its popover, then the agent declines it', async () => {
    const service = new FakeService();
    const { controller, emit } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    service.say('offerToAgent', {
      type: 'offerToAgent',
      ref: 'o1',
      agent: 'alice',
      queue: 'billing',
      title: 'Billing',
      popover: [{ label: 'Reason', name: 'reason', value: 'billing' }],
    });
    emit('contact.step', { contactId: 'someone-else' });
    await controller.idle();
    expect(controller.getView().offers).toEqual([]);
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    expect(controller.getView().offers).toEqual([
      {
        ref: 'o1',
        agent: 'alice',
        queue: 'billing',
        title: 'Billing',
        lines: [{ label: 'Reason', value: 'billing' }],
        state: 'offered',
      },
    ]);
    controller.ignore('alice');
    await controller.idle();
    expect(service.requests.at(-1)).toBe('reject alice');
    controller.dispose();
  });

  it('shows the call ended and stops following it; a cleared call ignores late answers', async () => {
    const service = new FakeService();
    const { controller, emit } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    (service.contact as ServiceContact).status = 'ended';
    (service.contact as ServiceContact).endReason = 'caller hung up';
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    expect(controller.getView()).toMatchObject({
      phase: 'ended',
      endReason: 'caller hung up',
      canPress: false,
    });
    expect(controller.getView().activeBlockId).toBeNull();
    controller.reset();
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    expect(controller.getView()).toMatchObject({ phase: 'idle', contactId: null, transcript: [] });
    controller.dispose();
  });

  it('reads a new log from its start when the service restarted during the call, and says so', async () => {
    const service = new FakeService();
    const { controller, emit } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    service.say('play', { type: 'play', to: 'caller', prompt: { text: 'Press 2 for sales.' } });
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    // The service restarts: a new log, counting from 1 again, with fewer entries than were read.
    service.logId = 'log-b';
    service.log = [];
    service.say('digits', { type: 'digits', digits: '2' }, 'event');
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    expect(controller.getView().transcript.map((l) => l.text)).toEqual([
      'Press 1 for billing.',
      'Press 2 for sales.',
      '(the service restarted; lines from just before it may be missing)',
      'Pressed 2',
    ]);
    service.say('play', { type: 'play', to: 'caller', prompt: { text: 'Connecting you.' } });
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    expect(
      controller
        .getView()
        .transcript.map((l) => l.text)
        .slice(-2),
    ).toEqual(['Pressed 2', 'Connecting you.']);
    controller.dispose();
  });

  it('hangs up the running call on the service before placing the next one, and when cleared', async () => {
    const service = new FakeService();
    const { controller } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    controller.start(setup);
    await controller.idle();
    expect(service.requests).toEqual([
      'start support +12025550123 +12125550100',
      'send c-1 hangUp',
      'start support +12025550123 +12125550100',
    ]);
    controller.reset();
    await controller.idle();
    expect(service.requests.at(-1)).toBe('send c-1 hangUp');
    // An ended call is not hung up again.
    controller.start(setup);
    await controller.idle();
    (service.contact as ServiceContact).status = 'ended';
    controller.deactivate();
    controller.activate();
    await controller.idle();
    controller.reset();
    await controller.idle();
    expect(service.requests.filter((r) => r.endsWith('hangUp'))).toHaveLength(2);
    controller.dispose();
  });

  it('follows no live events while the panel shows the browser mode', async () => {
    const service = new FakeService();
    const { controller, emit } = controllerFor(service);
    controller.start(setup);
    await controller.idle();
    controller.deactivate();
    service.say('play', { type: 'play', to: 'caller', prompt: { text: 'Still there?' } });
    emit('contact.step', { contactId: 'c-1' });
    await controller.idle();
    expect(controller.getView().transcript.map((l) => l.text)).toEqual(['Press 1 for billing.']);
    controller.activate();
    await controller.idle();
    expect(controller.getView().transcript.map((l) => l.text)).toEqual([
      'Press 1 for billing.',
      'Still there?',
    ]);
    controller.dispose();
  });

  it('drives the service agents: state, accept, hang up', async () => {
    const service = new FakeService();
    const { controller } = controllerFor(service);
    await controller.idle();
    expect(controller.getView().agents).toEqual([
      { name: 'alice', displayName: 'Alice', groups: [], state: 'Available', onCall: false },
    ]);
    controller.setAgentState('alice', 'Offline');
    controller.accept('alice');
    controller.agentHangUp('alice');
    await controller.idle();
    expect(service.requests).toEqual(['state alice Offline', 'accept alice', 'hangup alice']);
    controller.dispose();
  });
});
