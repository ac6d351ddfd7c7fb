import type { Resources } from '@callflow/model';

/** The account used by the rule tests and the caller-ID table in docs/caller-id.md. */
export function acmeResources(): Resources {
  return {
    formatVersion: 1,
    account: {
      name: 'Acme',
      defaultRegion: 'US',
      principalNumber: 'main',
      allowedCountries: ['US', 'CA', 'GB'],
    },
    numbers: {
      main: { number: '+12025550100', displayName: 'Acme' },
      sales: { number: '+12015550111', displayName: 'Sales', groups: ['sales'] },
      support: { number: '+14155550122', displayName: 'Support' },
      nyc: { number: '+12125550133', displayName: 'Manhattan' },
      london: { number: '+442079460958', displayName: 'London' },
    },
    queues: {
      support: {
        displayName: 'Support',
        agentGroup: 'support-team',
        outboundCallerId: 'support',
        outboundCallerIdName: 'Acme Support',
      },
      sales: { displayName: 'Sales', agentGroup: 'sales', outboundCallerId: 'sales' },
      billing: { displayName: 'Billing', agentGroup: 'support-team' },
    },
    agentGroups: {
      sales: { displayName: 'Sales team' },
      'support-team': { displayName: 'Support team', callerIdNumber: 'support' },
      interns: { displayName: 'Interns' },
    },
    agents: {
      alice: {
        displayName: 'Alice',
        groups: ['sales'],
        allowedNumbers: ['sales', 'nyc'],
        defaultNumber: 'nyc',
        defaultOutboundQueue: 'sales',
      },
      bob: { displayName: 'Bob', groups: ['support-team'], defaultOutboundQueue: 'billing' },
      carol: { displayName: 'Carol', groups: ['interns'], allowedNumbers: ['support', 'london'] },
    },
    hours: {},
    prompts: {},
  };
}
