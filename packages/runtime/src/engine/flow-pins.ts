import type { Flow } from '@callflow/model';
import { type CompiledFlow, compile } from '../compile/compile.js';
import type { ContactSnapshot, EngineEnv } from '../types.js';

/** The flows a contact runs, compiled, each at the version the contact pinned on first use. */
export class FlowPins {
  private flows: Map<string, CompiledFlow> | undefined;
  private lastFlow: CompiledFlow | undefined;

  constructor(
    private readonly env: EngineEnv,
    private readonly s: ContactSnapshot,
  ) {}

  /** The compiled flow at the version this contact uses (pinned on first use). */
  compiled(flowId: string): CompiledFlow | undefined {
    // Most steps touch one flow: remember the last one before reaching for a map.
    if (this.lastFlow?.flow.id === flowId) return this.lastFlow;
    const known = this.flows?.get(flowId);
    if (known) {
      this.lastFlow = known;
      return known;
    }
    const compiled = this.lookup(flowId);
    if (compiled) {
      this.flows ??= new Map();
      this.flows.set(flowId, compiled);
      this.lastFlow = compiled;
    }
    return compiled;
  }

  /** The flow the contact began on. */
  root(): Flow | undefined {
    return this.compiled(this.s.flowId)?.flow;
  }

  private lookup(flowId: string): CompiledFlow | undefined {
    const pinned = flowId === this.s.flowId ? this.s.version : this.s.versions[flowId];
    const published = this.env.flows.get(flowId, pinned);
    if (!published) return undefined;
    if (pinned === undefined) this.s.versions = { ...this.s.versions, [flowId]: published.version };
    return compile(published.flow, this.env.resources, published.version);
  }
}
