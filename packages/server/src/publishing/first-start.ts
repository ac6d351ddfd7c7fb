import type { Flow, Problem } from '@callflow/model';
import type { FlowService } from './flow-service.js';

/** What the first start of a data directory published, and what it left out and why. */
export interface FirstStartReport {
  at: string;
  published: { flowId: string; version: number }[];
  skipped: { flowId: string; reason: string; problems?: Problem[] }[];
}

export const FIRST_START_PUBLISHER = 'first start';
const NOTE = 'Published on the first start of this data directory';

/**
 * Publishes every flow of the flows directory as its first version, so that a newcomer's first call on
 * the service works without publishing five flows in the right order. A flow with errors is skipped and
 * said so, and so is every flow that needs a skipped one (publishing never makes live a flow whose
 * calls would reach a flow that is not). Never throws: start-up goes on whatever the flows hold.
 */
export async function publishOnFirstStart(flows: FlowService, now = new Date()): Promise<FirstStartReport> {
  const report: FirstStartReport = { at: now.toISOString(), published: [], skipped: [] };
  const ready = new Map<string, Flow>();
  for (const stored of await flows.store.list()) {
    if (!stored.flow) {
      report.skipped.push({
        flowId: stored.id,
        reason: 'its file is not a readable flow',
        problems: stored.problems,
      });
      continue;
    }
    let errors: Problem[];
    try {
      errors = (await flows.validate(stored.id, stored.flow)).filter((p) => p.severity === 'error');
    } catch (error) {
      report.skipped.push({
        flowId: stored.id,
        reason: `it could not be checked (${(error as Error).message})`,
      });
      continue;
    }
    if (errors.length > 0) {
      const codes = [...new Set(errors.map((p) => p.code))].join(', ');
      report.skipped.push({ flowId: stored.id, reason: `it has errors (${codes})`, problems: errors });
    } else {
      ready.set(stored.id, stored.flow);
    }
  }
  // A flow whose dependencies are not all going live stays out too, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, flow] of ready) {
      const missing = (await flows.closureOf(flow))
        .filter((entry) => entry.live === null && !ready.has(entry.flowId))
        .map((entry) => entry.flowId);
      if (missing.length === 0) continue;
      ready.delete(id);
      report.skipped.push({
        flowId: id,
        reason: `it needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not published`,
      });
      changed = true;
    }
  }
  if (ready.size > 0) {
    const published = flows.publishOnStart([...ready.values()], FIRST_START_PUBLISHER, NOTE, now);
    report.published = published.map((p) => ({ flowId: p.flowId, version: p.version }));
  }
  report.skipped.sort((a, b) => a.flowId.localeCompare(b.flowId));
  return report;
}

/** The lines the service prints at start-up about it. */
export function firstStartLines(report: FirstStartReport): string[] {
  const lines: string[] = [];
  if (report.published.length > 0) {
    lines.push(
      `First start of this data directory: published ${report.published.length} flows as their first version (${report.published.map((p) => p.flowId).join(', ')}). Open the designer and place a call "On the service" from the Simulator.`,
    );
  } else {
    lines.push('First start of this data directory: no flow could be published.');
  }
  for (const skip of report.skipped) lines.push(`  not published: ${skip.flowId}: ${skip.reason}`);
  return lines;
}
