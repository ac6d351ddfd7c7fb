import type { Flow } from '@callflow/model';
import { redactText, secureVariableNames } from './redact.js';

/** The parts of a contact snapshot that hold variable values, by flow. */
interface SnapshotValues {
  variables: Record<string, unknown>;
  stack: readonly { flowId: string; block: string; vars?: Record<string, unknown> }[];
}

/**
 * Secure values seen during one call, in every flow it entered. A module's PIN is gone from the snapshot
 * once the module returns, but a transcript of the call still holds the text that spoke it, so the
 * values are remembered for the whole call. The editor's simulator and the service's call log both mask
 * with it.
 */
export class CallSecrets {
  private values = new Set<string>();
  /** The values as a list, made once per new value rather than once per masked text. */
  private list: string[] = [];

  /** `flowOf` finds the flows the call may be in (the open flow, modules, queue flows). */
  constructor(private flowOf: (flowId: string) => Flow | undefined) {}

  remember(snapshot: SnapshotValues, rootFlowId: string): void {
    const add = (flow: Flow | undefined, values: Record<string, unknown>) => {
      for (const name of flow ? secureVariableNames(flow) : []) {
        const value = values[name];
        if (value === undefined || value === null || value === '') continue;
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (this.values.has(text)) continue;
        this.values.add(text);
        this.list = [...this.values];
      }
    };
    add(this.flowOf(rootFlowId), snapshot.variables);
    for (const frame of snapshot.stack) add(this.flowOf(frame.flowId), frame.vars ?? snapshot.variables);
  }

  /** `text` with every secure value seen so far masked. */
  mask(text: string): string {
    return this.list.length === 0 ? text : redactText(text, this.list);
  }

  /** The contact waits in a get-digits block that stores into a secure variable (a PIN): keys are secret. */
  collecting(snapshot: SnapshotValues | undefined): boolean {
    const frame = snapshot?.stack.at(-1);
    if (!frame) return false;
    const flow = this.flowOf(frame.flowId);
    const block = flow?.blocks[frame.block];
    const variable = (block?.settings as { variable?: unknown } | undefined)?.variable;
    return (
      block?.type === 'getDigits' &&
      typeof variable === 'string' &&
      flow?.variables?.[variable]?.secure === true
    );
  }
}
