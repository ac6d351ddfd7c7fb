import type { Flow, Resources } from '@callflow/model';
import { acmeResources } from '../../rules/test-support/resources.js';

/** A small inbound flow touching every kind of thing a scenario scripts: keys, agents, dials, HTTP. */
export function helpLineFlow(): Flow {
  const prompt = (text: string, next: string) => ({
    type: 'playPrompt',
    settings: { prompt: { text } },
    next: { success: next, error: next },
  });
  return {
    formatVersion: 1,
    id: 'help-line',
    name: 'Help line',
    type: 'inbound',
    start: 'welcome',
    variables: {
      customerName: { type: 'string', label: 'Customer', agentViewable: true },
      pin: { type: 'string', secure: true },
      reason: { type: 'string', label: 'Reason', agentViewable: true, default: 'help' },
      tier: { type: 'string', label: 'Tier', agentViewable: true },
    },
    popover: ['customerName', 'reason', 'tier'],
    blocks: {
      welcome: prompt('Welcome to Acme.', 'hours'),
      hours: {
        type: 'checkHours',
        settings: { hours: 'office' },
        next: { inHours: 'menu', outOfHours: 'closed', error: 'closed' },
      },
      menu: {
        type: 'menu',
        settings: {
          prompt: { text: 'For support press 1, for sales press 2, to hear your name press 3.' },
          options: [{ digit: '1' }, { digit: '2' }, { digit: '3' }],
          timeoutSeconds: 5,
          retries: 0,
        },
        next: {
          '1': 'set-queue',
          '2': 'to-sales',
          '3': 'lookup',
          timeout: 'bye',
          noMatch: 'bye',
          error: 'bye',
        },
      },
      'set-queue': {
        type: 'setWorkingQueue',
        settings: { queue: 'support' },
        next: { success: 'to-queue', error: 'bye' },
      },
      'to-queue': { type: 'transferToQueue', settings: {}, next: { atCapacity: 'bye', error: 'bye' } },
      'to-sales': {
        type: 'transferToNumber',
        settings: {
          to: { value: '+12015550999' },
          callerId: { strategy: 'sameAreaCode' },
          timeoutSeconds: 20,
          resumeAfterDisconnect: false,
        },
        next: { busy: 'sales-busy', noAnswer: 'sales-busy', error: 'sales-busy' },
      },
      'sales-busy': prompt('Sales cannot take your call.', 'bye'),
      lookup: {
        type: 'httpRequest',
        settings: {
          method: 'GET',
          url: 'https://crm.acme.example/customers/{{$callerNumber}}',
          timeoutSeconds: 4,
          maxResponseBytes: 4096,
          responseMapping: [{ pointer: '/name', variable: 'customerName' }],
        },
        next: { success: 'say-name', error: 'lookup-failed', timeout: 'lookup-failed' },
      },
      'say-name': prompt('Hello {{customerName}}.', 'bye'),
      'lookup-failed': prompt('We could not find you.', 'bye'),
      closed: prompt('We are closed.', 'bye'),
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

/** The rule tests' account, with office hours (Mon-Fri 09:00-17:00 New York) and a second support agent. */
export function helpLineResources(): Resources {
  const resources = acmeResources();
  resources.hours.office = {
    timeZone: 'America/New_York',
    weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
  };
  resources.agents.dave = { displayName: 'Dave', groups: ['support-team'] };
  return resources;
}
