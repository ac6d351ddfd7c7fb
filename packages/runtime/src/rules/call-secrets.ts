import type { Flow } from '@callflow/model';
import { redactText } from './redact.js';
import { secureValuesOf, type ValuesOfContact } from './secure-values.js';
import { isSecureVariable } from './secure-variables.js';

/**
 * Secure values seen during one call, for a viewer that masks text as the call goes (the editor's
 * simulator, the service's call log). Which values are secret is {@link secureValuesOf}'s rule; this
 * only keeps what it found in every snapshot seen, so that text logged before a value was forgotten by
 * the contact stays masked.
 */
export class CallSecrets {
  private values = new Set<string>();
  /** The values as a list, made once per new value rather than once per masked text. */
  private list: string[] = [];

  /** `flowOf` finds the flows the call may be in (the open flow, modules, queue flows). */
  constructor(private flowOf: (flowId: string) => Flow | undefined) {}

  remember(snapshot: ValuesOfContact): void {
    for (const text of secureValuesOf(snapshot, this.flowOf)) {
      if (this.values.has(text)) continue;
      this.values.add(text);
      this.list = [...this.values];
    }
  }

  /** Every secure value seen so far. */
  get known(): readonly string[] {
    return this.list;
  }

  /** `text` with every secure value seen so far masked. */
  mask(text: string): string {
    return this.list.length === 0 ? text : redactText(text, this.list);
  }

  /** The contact waits in a get-digits block that stores into a secure variable (a PIN): keys are secret. */
  collecting(snapshot: { stack: readonly { flowId: string; block: string }[] } | undefined): boolean {
    const frame = snapshot?.stack.at(-1);
    if (!frame) return false;
    const flow = this.flowOf(frame.flowId);
    const block = flow?.blocks[frame.block];
    const variable = (block?.settings as { variable?: unknown } | undefined)?.variable;
    return block?.type === 'getDigits' && typeof variable === 'string' && isSecureVariable(flow, variable);
  }
}
