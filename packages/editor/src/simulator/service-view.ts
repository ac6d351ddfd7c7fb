/**
 * The simulator's view of a call running on the service, computed from what the API shows of it: the
 * contact, its trace, its log of commands and events, and the agents. Pure, so it is tested without a
 * server; the same transcript, offer and path rules as the in-browser simulator (`simulation-view`).
 */
import type { Flow } from '@callflow/model';
import { isContactOver } from '@callflow/runtime';
import type { ServiceAgent, ServiceContact, ServiceLogEntry, ServiceTraceEntry } from '../api/service-calls';
import type { AgentRow, SimulationView } from './call-controller';
import {
  type AgentOffer,
  activeBlock,
  callerIdChoices,
  eventLine,
  type ObservedCommand,
  systemRows,
  type TranscriptLine,
  traceErrors,
  transcriptLines,
  updateOffers,
  variableRows,
  visitedBlocks,
} from './simulation-view';
import { withTraceLogLines } from './trace-log-lines';

export interface ServiceCallData {
  /** The flow's declarations as the call runs them (its published version), for labels and masks. */
  flow: Pick<Flow, 'id' | 'variables'>;
  contact: ServiceContact | null;
  trace: readonly ServiceTraceEntry[];
  log: readonly ServiceLogEntry[];
  /** Indexes of `log` where the service began a new log: it restarted, and lost what it had said. */
  restarts?: readonly number[];
  /** Older log entries were dropped by the service (a very long call). */
  truncated: boolean;
  agents: readonly ServiceAgent[];
  /** Answers of the service the admin must see (a refused start, a lost connection). */
  errors: readonly string[];
  now: number;
}

export function agentRows(agents: readonly ServiceAgent[]): AgentRow[] {
  return agents.map((agent) => ({
    name: agent.name,
    displayName: agent.displayName,
    groups: agent.groups,
    state: agent.state,
    onCall: agent.state === 'Busy' && !!agent.contactId && !agent.offer,
  }));
}

export function serviceCallView(data: ServiceCallData): SimulationView {
  const { contact, flow } = data;
  const transcript: TranscriptLine[] = [];
  let offers: AgentOffer[] = [];
  if (data.truncated) {
    transcript.push({ at: data.log[0]?.at ?? data.now, kind: 'system', text: '(earlier lines dropped)' });
  }
  const restarts = new Set(data.restarts ?? []);
  for (const [index, entry] of data.log.entries()) {
    if (restarts.has(index)) {
      transcript.push({
        at: entry.at,
        kind: 'system',
        text: '(the service restarted; lines from just before it may be missing)',
      });
    }
    if (entry.direction === 'command') {
      const command = entry.detail as ObservedCommand;
      transcript.push(...transcriptLines([command], entry.at));
      offers = updateOffers(offers, [command]);
    } else {
      const line = eventLine(entry);
      if (line) transcript.push(line);
    }
  }
  const base: SimulationView = {
    phase: 'idle',
    contactId: null,
    status: null,
    endReason: null,
    clock: data.now,
    nextTimerAt: null,
    canPress: false,
    transcript: withTraceLogLines(transcript, data.trace),
    variables: variableRows(flow, {}),
    system: [],
    offers,
    callerIds: [],
    agents: agentRows(data.agents),
    errors: [...data.errors],
    activeBlockId: null,
    visitedBlockIds: [],
  };
  if (!contact) return base;
  const ended = isContactOver(contact);
  const timers = contact.timers.map((t) => Date.parse(t.at)).filter((at) => !Number.isNaN(at));
  const snapshot = {
    contactId: contact.contactId,
    flowId: contact.flowId,
    status: contact.status,
    stack: contact.stack,
    variables: contact.variables,
    system: contact.system ?? {},
  };
  return {
    ...base,
    phase: ended ? 'ended' : 'running',
    contactId: contact.contactId,
    status: contact.status,
    endReason: contact.endReason,
    nextTimerAt: timers.length > 0 ? Math.min(...timers) : null,
    canPress: !ended,
    variables: variableRows(flow, contact.variables),
    system: systemRows(snapshot.system),
    callerIds: callerIdChoices(data.trace),
    errors: [...traceErrors(data.trace), ...data.errors],
    activeBlockId: activeBlock(snapshot, flow.id),
    visitedBlockIds: visitedBlocks(data.trace, flow.id),
  };
}
