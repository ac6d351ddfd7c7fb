import { secretText } from '../rules/redact.js';
import { rememberSecrets, secureValuesOf, shownVariable } from '../rules/secure-values.js';
import { isSecureVariable, secureVariableNames } from '../rules/secure-variables.js';
import type { ContactSnapshot } from '../types.js';
import type { FlowPins } from './flow-pins.js';

/** The contact's secure values: which they are, which stay masked for the rest of the call, copies. */
export class ContactSecrets {
  constructor(
    private readonly s: ContactSnapshot,
    private readonly flows: FlowPins,
  ) {}

  /** Secure values of this contact (see `secureValuesOf`): masked wherever they would show. */
  values(): readonly string[] {
    const s = this.s;
    if (!s.secrets?.length && s.stack.length <= 1 && (s.stack[0]?.flowId ?? s.flowId) === s.flowId) {
      // The common case: only the contact's own flow runs, and nothing secure was held before.
      const root = this.flows.root();
      if (!root || secureVariableNames(root).length === 0) return NO_SECRETS;
    }
    return secureValuesOf(s, (flowId) => this.flows.compiled(flowId)?.flow);
  }

  /** `values` stay masked for the rest of the call, wherever a copy of them goes. */
  keep(...values: unknown[]): void {
    const texts = values.map(secretText).filter((v): v is string => v !== undefined);
    const kept = rememberSecrets(this.s.secrets, texts);
    if (kept !== this.s.secrets && kept) this.s.secrets = kept;
  }

  /** A contact variable's value as an agent may see it (popover, desktop): {@link shownVariable}'s rule. */
  agentValue(name: string, value: unknown): unknown {
    return shownVariable(this.s, name, value, this.values(), isSecureVariable(this.flows.root(), name));
  }

  /** Records whether the contact variable `name` now holds a copy of a secure value. */
  markCopy(name: string, value: unknown): void {
    const secrets = this.values();
    const text = secretText(value);
    const copy = text !== undefined && secrets.some((secret) => text.includes(secret));
    const copies = this.s.secureCopies ?? [];
    if (copy === copies.includes(name)) return;
    this.s.secureCopies = copy ? [...copies, name] : copies.filter((n) => n !== name);
  }
}

const NO_SECRETS: readonly string[] = [];
