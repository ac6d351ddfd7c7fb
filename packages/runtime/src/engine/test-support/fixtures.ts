import type { Block, Flow, FlowType, Resources } from '@callflow/model';

export function flow(
  id: string,
  type: FlowType,
  start: string,
  blocks: Record<string, Block>,
  extra: Partial<Flow> = {},
): Flow {
  return { formatVersion: 1, id, name: id, type, start, blocks, ...extra };
}

export function block(
  type: string,
  settings: Record<string, unknown> = {},
  next?: Record<string, string>,
): Block {
  return next ? { type, settings, next } : { type, settings };
}

export const say = (text: string) => ({ prompt: { text } });

export function resources(extra: Partial<Resources> = {}): Resources {
  return {
    formatVersion: 1,
    account: { defaultRegion: 'US', principalNumber: 'main', allowedCountries: ['US', 'CA'] },
    numbers: {
      main: { number: '+12015550100', displayName: 'Main' },
      sales: { number: '+12125550111', displayName: 'Sales', groups: ['sales'] },
      support: { number: '+13105550122', displayName: 'Support', groups: ['support'] },
    },
    queues: {
      support: {
        displayName: 'Support',
        agentGroup: 'support',
        outboundCallerId: 'support',
        customerQueueFlow: 'support-queue',
        offerTimeoutSeconds: 15,
      },
      sales: { displayName: 'Sales', agentGroup: 'sales', outboundCallerId: 'sales', maxContacts: 1 },
    },
    agentGroups: {
      support: { displayName: 'Support team' },
      sales: { displayName: 'Sales team', callerIdNumber: 'sales' },
    },
    agents: {
      alice: { displayName: 'Alice', groups: ['support'] },
      bob: { displayName: 'Bob', groups: ['support', 'sales'] },
    },
    hours: {
      business: {
        timeZone: 'America/New_York',
        weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
      },
    },
    prompts: { welcome: { text: 'Welcome to Example.' } },
    ...extra,
  };
}

/** An inbound flow with a menu: 1 plays a goodbye, 2 goes to the support queue. */
export function menuFlow(): Flow {
  return flow('main', 'inbound', 'welcome', {
    welcome: block('playPrompt', { prompt: { prompt: 'welcome' } }, { success: 'choose', error: 'bye' }),
    choose: block(
      'menu',
      {
        prompt: { text: 'For opening hours press 1. For support press 2.' },
        options: [{ digit: '1' }, { digit: '2' }],
        timeoutSeconds: 5,
        retries: 1,
      },
      { '1': 'hours', '2': 'queue', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    ),
    hours: block('playPrompt', say('We are open nine to five.'), { success: 'bye', error: 'bye' }),
    queue: block('setWorkingQueue', { queue: 'support' }, { success: 'transfer', error: 'bye' }),
    transfer: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
    bye: block('disconnect'),
  });
}

export function supportQueueFlow(): Flow {
  return flow('support-queue', 'customer-queue', 'status', {
    status: block('playQueueStatus', { say: 'position' }, { success: 'hold', error: 'hold' }),
    hold: block('playHoldAudio', { durationSeconds: 30 }, { success: 'status' }),
  });
}

export function whisperFlows(): Flow[] {
  return [
    flow('agent-hello', 'agent-whisper', 'tell', {
      tell: block('playPrompt', say('Support call from {{$callerNumber}}.'), { success: 'go', error: 'go' }),
      go: block('endFlow'),
    }),
    flow('customer-hello', 'customer-whisper', 'tell', {
      tell: block('playPrompt', say('You are now connected to {{$agentName}}.'), {
        success: 'go',
        error: 'go',
      }),
      go: block('endFlow'),
    }),
  ];
}

/** Resources whose support queue has both whispers. */
export function resourcesWithWhispers(): Resources {
  const r = resources();
  r.queues.support = {
    ...r.queues.support!,
    agentWhisperFlow: 'agent-hello',
    customerWhisperFlow: 'customer-hello',
  };
  return r;
}

/** A customer-queue flow that offers a courtesy callback at once, keeping the caller's place. */
export function callbackQueueFlow(): Flow {
  return flow('support-queue', 'customer-queue', 'offer', {
    offer: block(
      'offerCallback',
      {
        prompt: { text: 'Press 1 to be called back.' },
        acceptDigit: '1',
        timeoutSeconds: 5,
        confirmPrompt: { text: 'Press 1 to be called back on {{$callerNumber}}, or 2 for another number.' },
        enterNumberPrompt: { text: 'Enter your number, then hash.' },
      },
      { accepted: 'create', declined: 'hold', timeout: 'hold', invalidNumber: 'hold', error: 'hold' },
    ),
    create: block(
      'createCallback',
      {
        initialDelaySeconds: 0,
        maxAttempts: 2,
        retryDelaySeconds: 60,
        maxQueueSeconds: 3600,
        keepPosition: true,
      },
      { success: 'thanks', error: 'hold' },
    ),
    thanks: block('playPrompt', say('We will call you back.'), { success: 'bye', error: 'bye' }),
    bye: block('disconnect'),
    hold: block('playHoldAudio', { durationSeconds: 60 }, { success: 'hold2' }),
    hold2: block('playHoldAudio', { durationSeconds: 60 }, { success: 'hold' }),
  });
}
