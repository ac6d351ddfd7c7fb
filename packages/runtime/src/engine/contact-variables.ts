import { type JsonValue, ownEntry } from '@callflow/model';
import { type Coerced, coerceValue } from '../rules/coerce.js';
import { fillPlaceholders } from '../rules/placeholders.js';
import { isSecureDeclaration } from '../rules/secure-variables.js';
import type { ContactSnapshot, EngineEnv, Frame, ResolvedPrompt } from '../types.js';
import type { ContactSecrets } from './contact-secrets.js';
import type { FlowPins } from './flow-pins.js';
import { lookupVariable } from './variables.js';

/**
 * Variables as blocks read and set them (a module's own scope, the contact's, `$` system values) and
 * prompts with their `{{variable}}` placeholders filled in.
 */
export class ContactVariables {
  constructor(
    readonly env: EngineEnv,
    readonly s: ContactSnapshot,
    readonly now: number,
    readonly flows: FlowPins,
    private readonly secrets: ContactSecrets,
  ) {}

  lookup(frame: Frame | undefined, name: string): unknown {
    return lookupVariable(this, frame, name);
  }

  /** Stores a value in a declared variable, converted to its type; refused values leave it unchanged. */
  assign(frame: Frame | undefined, name: string, value: unknown): Coerced {
    if (name.startsWith('$')) return { ok: false, reason: `${name} is a system variable and cannot be set` };
    const flow = frame ? this.flows.compiled(frame.flowId)?.flow : this.flows.root();
    const root = this.flows.root();
    const declaration =
      flow?.variables?.[name] ??
      (frame?.kind === 'module'
        ? (flow?.module?.inputs?.[name] ?? flow?.module?.outputs?.[name])
        : undefined) ??
      (frame?.kind === 'module' ? undefined : root?.variables?.[name]);
    if (!declaration)
      return { ok: false, reason: `variable "${name}" is not declared in flow "${flow?.id ?? '?'}"` };
    const coerced = coerceValue(declaration.type, value);
    // The reason may quote the value; a secure variable's value must not reach the trace.
    const secure = isSecureDeclaration(declaration);
    if (!coerced.ok && secure) {
      return {
        ok: false,
        reason: `the value does not fit the ${declaration.type} type of secure variable ${name}`,
      };
    }
    if (!coerced.ok) return coerced;
    const stored = coerced.value as JsonValue;
    if (secure) this.secrets.keep(stored);
    if (frame?.kind === 'module') frame.vars = { ...frame.vars, [name]: stored };
    else {
      this.s.variables = { ...this.s.variables, [name]: stored };
      if (!secure) this.secrets.markCopy(name, stored);
    }
    return coerced;
  }

  prompt(frame: Frame, setting: unknown): ResolvedPrompt | undefined {
    const p = setting !== null && typeof setting === 'object' ? (setting as Record<string, unknown>) : {};
    const fill = (text: string) => fillPlaceholders(text, (name) => this.lookup(frame, name));
    if (typeof p.prompt === 'string') {
      const resource = ownEntry(this.env.resources.prompts, p.prompt);
      if (!resource) return undefined;
      const out: ResolvedPrompt = { text: fill(resource.text), name: p.prompt };
      if (resource.audioUrl) out.audioUrl = resource.audioUrl;
      if (resource.audioFile) out.audioFile = resource.audioFile;
      if (resource.voice) out.voice = resource.voice;
      if (resource.language) out.language = resource.language;
      return out;
    }
    if (typeof p.text === 'string') return { text: fill(p.text) };
    return undefined;
  }
}
