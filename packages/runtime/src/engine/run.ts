import { blockDefinition, type Flow, isBlockType, type JsonValue, ownEntry } from '@callflow/model';
import type { BlockBehaviour, BlockContext, BlockStep, ChildEnd, CommandDraft } from '../blocks/behaviour.js';
import { type CompiledFlow, compile } from '../compile/compile.js';
import { type Coerced, coerceValue } from '../rules/coerce.js';
import { fillPlaceholders } from '../rules/placeholders.js';
import { maskValue, REDACTED, redactText, secretText, secureVariableNames } from '../rules/redact.js';
import { maskTraceEntry, rememberSecrets, secureValuesOf } from '../rules/secure-values.js';
import { summariseCommand } from '../trace/summarise.js';
import type {
  Command,
  ContactEvent,
  ContactSnapshot,
  EngineEnv,
  Frame,
  FrameKind,
  ResolvedPrompt,
  StepResult,
  TraceEntry,
  Wait,
} from '../types.js';
import { draft } from './draft.js';
import {
  CONTACT_ERRORS,
  type ContactErrorCode,
  DEFAULT_TRACE_TAIL,
  MAX_SAME_BLOCK_IN_A_ROW,
  MAX_STEPS_PER_FLOW_RUN,
} from './limits.js';
import { lookupVariable } from './variables.js';
import type { EngineWiring, FrameEnd } from './wiring.js';

/**
 * One `step()` call's worth of work on a draft of the snapshot: runs blocks, collects commands and
 * trace entries. The input snapshot is never touched (see draft.ts).
 */
export class ContactRun {
  readonly s: ContactSnapshot;
  readonly commands: Command[] = [];
  /** Trace entries written by this step. */
  readonly traced: TraceEntry[] = [];
  readonly now: number;
  private entry: TraceEntry | undefined;
  private commandMark = 0;

  constructor(
    readonly wiring: EngineWiring,
    readonly env: EngineEnv,
    snapshot: ContactSnapshot,
    readonly event?: ContactEvent,
  ) {
    this.s = draft(snapshot);
    this.now = env.now();
  }

  // -- flows ---------------------------------------------------------------------------------------

  /** The compiled flow at the version this contact uses (pinned on first use). */
  compiled(flowId: string): CompiledFlow | undefined {
    // Most steps touch one flow: remember the last one before reaching for a map.
    if (this.lastFlow?.flow.id === flowId) return this.lastFlow;
    const known = this.flows?.get(flowId);
    if (known) {
      this.lastFlow = known;
      return known;
    }
    const compiled = this.lookupFlow(flowId);
    if (compiled) {
      this.flows ??= new Map();
      this.flows.set(flowId, compiled);
      this.lastFlow = compiled;
    }
    return compiled;
  }

  private flows: Map<string, CompiledFlow> | undefined;
  private lastFlow: CompiledFlow | undefined;

  private lookupFlow(flowId: string): CompiledFlow | undefined {
    const pinned = flowId === this.s.flowId ? this.s.version : this.s.versions[flowId];
    const published = this.env.flows.get(flowId, pinned);
    if (!published) return undefined;
    if (pinned === undefined) this.s.versions = { ...this.s.versions, [flowId]: published.version };
    return compile(published.flow, this.env.resources, published.version);
  }

  rootFlow(): Flow | undefined {
    return this.compiled(this.s.flowId)?.flow;
  }

  top(): Frame | undefined {
    return this.s.stack[this.s.stack.length - 1];
  }

  // -- commands, timers, trace ---------------------------------------------------------------------

  ref(): string {
    this.s.seq += 1;
    return `${this.s.contactId}:${this.s.seq}`;
  }

  emit(command: CommandDraft): string {
    // Drafts are fresh literals made for this call: giving them their ref in place is safe and cheap.
    if (!COMMANDS_WITH_REF.has(command.type)) {
      this.commands.push(command as Command);
      return '';
    }
    const ref = this.ref();
    (command as { ref?: string }).ref = ref;
    // Keys are asked for anew: keys that answer an earlier question are stale from now on.
    if (command.type === 'collectDigits') this.s.keysFor = ref;
    this.commands.push(command as Command);
    return ref;
  }

  startTimer(seconds: number, event: string): string {
    this.s.seq += 1;
    const timer = { id: `t${this.s.seq}`, at: this.now + Math.round(seconds * 1000), event };
    this.s.timers = [...this.s.timers, timer];
    this.commands.push({ type: 'startTimer', timer });
    return timer.id;
  }

  cancelTimer(id: string | undefined): void {
    if (!id || !this.s.timers.some((t) => t.id === id)) return;
    this.s.timers = this.s.timers.filter((t) => t.id !== id);
    this.commands.push({ type: 'cancelTimer', id });
  }

  cancelAllTimers(): void {
    for (const timer of this.s.timers) this.commands.push({ type: 'cancelTimer', id: timer.id });
    this.s.timers = [];
  }

  /** Starts a trace entry; commands emitted until the next `flush` are listed in it. */
  begin(fields: Partial<TraceEntry>): void {
    this.flush();
    const entry: TraceEntry = { seq: 0, at: this.now };
    if (fields.flowId !== undefined) entry.flowId = fields.flowId;
    if (fields.block !== undefined) entry.block = fields.block;
    if (fields.blockType !== undefined) entry.blockType = fields.blockType;
    if (fields.event !== undefined) entry.event = fields.event;
    if (fields.note !== undefined) entry.note = fields.note;
    if (fields.ignored !== undefined) entry.ignored = fields.ignored;
    if (fields.error !== undefined) entry.error = fields.error;
    if (fields.outcome !== undefined) entry.outcome = fields.outcome;
    if (fields.callerId !== undefined) entry.callerId = fields.callerId;
    this.entry = entry;
    this.commandMark = this.commands.length;
  }

  with(fields: Partial<TraceEntry>): void {
    if (!this.entry) this.begin({});
    Object.assign(this.entry as TraceEntry, fields);
  }

  note(text: string): void {
    if (!this.entry) this.begin({});
    const entry = this.entry as TraceEntry;
    entry.note = entry.note ? `${entry.note}; ${text}` : text;
  }

  flush(): void {
    const entry = this.entry;
    if (!entry) return;
    this.entry = undefined;
    const emitted = this.commands.slice(this.commandMark);
    if (emitted.length > 0) entry.commands = emitted.map(summariseCommand);
    this.s.traceCount += 1;
    entry.seq = this.s.traceCount;
    this.traced.push(maskTraceEntry(entry, this.secrets()));
  }

  /** Ends the step: the snapshot keeps the newest trace entries, the result carries the new ones. */
  result(): StepResult {
    this.flush();
    const tail = this.env.traceTail ?? DEFAULT_TRACE_TAIL;
    const count = this.traced.length;
    if (count >= tail) this.s.trace = tail === 0 ? [] : this.traced.slice(count - tail);
    else if (count > 0)
      this.s.trace = this.s.trace
        .slice(Math.max(0, this.s.trace.length - (tail - count)))
        .concat(this.traced);
    return { snapshot: this.s, commands: this.commands, trace: this.traced };
  }

  /** Secure values of this contact (see `secureValuesOf`): masked wherever they would show. */
  secrets(): readonly string[] {
    const s = this.s;
    if (!s.secrets?.length && s.stack.length <= 1 && (s.stack[0]?.flowId ?? s.flowId) === s.flowId) {
      // The common case: only the contact's own flow runs, and nothing secure was held before.
      const root = this.rootFlow();
      if (!root || secureNames(root).length === 0) return NO_SECRETS;
    }
    return secureValuesOf(s, (flowId) => this.compiled(flowId)?.flow);
  }

  /** `values` stay masked for the rest of the call, wherever a copy of them goes. */
  keepSecret(...values: unknown[]): void {
    const texts = values.map(secretText).filter((v): v is string => v !== undefined);
    const kept = rememberSecrets(this.s.secrets, texts);
    if (kept !== this.s.secrets && kept) this.s.secrets = kept;
  }

  /**
   * A variable's value as an agent may see it (popover, desktop): masked whole when it holds a copy of
   * a secure value (it held one when it was stored: `secureCopies`, however short the PIN), else masked
   * as `maskValue` does for agents (a short PIN only where it is the whole value).
   */
  agentValue(name: string, value: unknown): unknown {
    if (this.s.secureCopies?.includes(name)) return REDACTED;
    return maskValue(value, this.secrets(), { numbers: true, shownToAgents: true });
  }

  /** Records whether the contact variable `name` now holds a copy of a secure value. */
  private markCopy(name: string, value: unknown): void {
    const secrets = this.secrets();
    const text = secretText(value);
    const copy = text !== undefined && secrets.some((secret) => text.includes(secret));
    const copies = this.s.secureCopies ?? [];
    if (copy === copies.includes(name)) return;
    this.s.secureCopies = copy ? [...copies, name] : copies.filter((n) => n !== name);
  }

  // -- ending the contact --------------------------------------------------------------------------

  finish(reason: string, hangup = true): void {
    if (this.s.status === 'ended') return;
    this.note(`contact ended: ${reason}`);
    if (this.s.queue && (this.s.status === 'queued' || this.s.status === 'offered')) {
      if (this.s.queue.offer) {
        this.emit({ type: 'withdrawOffer', agent: this.s.queue.offer.agent, rona: false });
      }
      this.emit({ type: 'dequeue', queue: this.s.queue.name, reason });
    }
    this.cancelAllTimers();
    if (hangup) this.emit({ type: 'hangup', reason });
    this.s.stack = [];
    this.s.status = 'ended';
    this.s.endReason = reason;
  }

  fail(code: ContactErrorCode, detail: string): void {
    const message = `${code} ${CONTACT_ERRORS[code]} ${detail}`;
    this.with({ error: message });
    this.finish(`error ${code}`);
  }

  // -- running blocks ------------------------------------------------------------------------------

  /**
   * Pushes a sub-flow and runs it from its start. A sub-flow with no live version never cuts the caller
   * off: it ends at once as if it had failed, so the block that needed it takes its `error` outcome (a
   * module), the caller holds in the queue (a customer-queue flow) or the whisper is skipped. Only the
   * contact's own flow missing ends the contact (RT102): there is no block to take a path from.
   */
  push(kind: FrameKind, flowId: string, vars?: Record<string, JsonValue>): boolean {
    const compiled = this.compiled(flowId);
    if (!compiled) {
      if (kind === 'main') {
        this.fail('RT102', `Flow "${flowId}" is not published.`);
        return false;
      }
      const reason = `flow "${flowId}" is not published`;
      this.note(`${reason}: the ${kind} flow is skipped`);
      this.flush();
      this.wiring.onFrameEnd(
        this,
        { kind, flowId, version: 0, block: '', steps: 0 },
        { kind: 'error', reason },
      );
      return false;
    }
    const frame: Frame = { kind, flowId, version: compiled.version, block: compiled.start, steps: 0 };
    if (vars) frame.vars = vars;
    this.s.stack = [...this.s.stack, frame];
    this.runFrame(frame, undefined);
    return true;
  }

  /** Runs the frame from its current block (`first` given: continue with that step result). */
  runFrame(frame: Frame, first: BlockStep | undefined): void {
    let result = first ?? this.enterBlock(frame);
    while (result) result = this.apply(frame, result);
  }

  /** Gives an event to the waiting block of the top frame. Returns false when it was not expected. */
  resumeTop(event: ContactEvent): boolean {
    const frame = this.top();
    if (!frame?.wait) return false;
    const ctx = this.context(frame);
    if (!ctx) return false;
    const behaviour = this.behaviour(ctx.block.type);
    const wait = frame.wait;
    if (!behaviour?.resume) return false;
    this.begin({ flowId: frame.flowId, block: frame.block, blockType: ctx.block.type, event: event.type });
    const result = this.guard(() => behaviour.resume?.(ctx.ctx, wait, event));
    if (result === undefined) {
      this.entry = undefined;
      return false;
    }
    this.runFrame(frame, result);
    return true;
  }

  /** A sub-flow finished: tell the block that pushed it. */
  childEnded(parent: Frame, end: ChildEnd): void {
    const ctx = this.context(parent);
    const wait = parent.wait;
    if (!ctx || !wait) return;
    const behaviour = this.behaviour(ctx.block.type);
    if (!behaviour?.childEnded) return;
    this.begin({ flowId: parent.flowId, block: parent.block, blockType: ctx.block.type });
    const result = this.guard(() => behaviour.childEnded?.(ctx.ctx, wait, end));
    if (result) this.runFrame(parent, result);
  }

  private enterBlock(frame: Frame): BlockStep | undefined {
    if (this.s.status === 'ended') return undefined;
    const ctx = this.context(frame);
    if (!ctx) return undefined;
    this.s.steps += 1;
    frame.steps += 1;
    const key = `${frame.flowId}/${frame.block}`;
    this.s.sameBlock =
      this.s.sameBlock.key === key ? { key, count: this.s.sameBlock.count + 1 } : { key, count: 1 };
    this.begin({ flowId: frame.flowId, block: frame.block, blockType: ctx.block.type });
    if (frame.steps > MAX_STEPS_PER_FLOW_RUN) {
      this.fail('RT100', `Flow "${frame.flowId}" at block "${frame.block}".`);
      return undefined;
    }
    if (this.s.sameBlock.count >= MAX_SAME_BLOCK_IN_A_ROW) {
      this.fail('RT101', `Block "${frame.block}" of flow "${frame.flowId}".`);
      return undefined;
    }
    const behaviour = this.behaviour(ctx.block.type);
    if (!behaviour) {
      this.fail('RT103', `Block "${frame.block}" has type "${ctx.block.type}".`);
      return undefined;
    }
    return this.guard(() => behaviour.enter(ctx.ctx));
  }

  private behaviour(type: string): BlockBehaviour | undefined {
    return isBlockType(type) ? this.wiring.behaviours[type] : undefined;
  }

  /** A block that throws is a defect, not a reason to lose the contact: it takes its error outcome. */
  private guard(body: () => BlockStep | undefined): BlockStep | undefined {
    try {
      return body();
    } catch (error) {
      const message = redactText(error instanceof Error ? error.message : String(error), this.secrets());
      this.with({ error: `RT104 ${CONTACT_ERRORS.RT104} ${message}` });
      return { outcome: 'error' };
    }
  }

  /** Applies a block's result; returns the next block's result when the flow moves on at once. */
  private apply(frame: Frame, result: BlockStep): BlockStep | undefined {
    if (this.s.status === 'ended') return undefined;
    if ('outcome' in result) {
      this.with({ outcome: result.outcome });
      if (result.note) this.note(result.note);
      frame.wait = undefined;
      const compiled = this.compiled(frame.flowId);
      const next = compiled?.next(frame.block, result.outcome);
      if (next === undefined) {
        const definition = blockDefinition(compiled?.flow.blocks[frame.block]?.type ?? '');
        if (definition?.terminal !== true)
          this.note(`outcome "${result.outcome}" is not wired: the flow ends here`);
        this.flush();
        this.endFrame(frame, { kind: 'unwired' });
        return undefined;
      }
      frame.block = next;
      this.flush();
      return this.enterBlock(frame);
    }
    if ('wait' in result) {
      frame.wait = result.wait;
      this.s.sameBlock = { key: '', count: 0 };
      this.flush();
      if (result.push) this.push(result.push.kind, result.push.flowId, result.push.vars);
      return undefined;
    }
    if ('end' in result) {
      if ('note' in result && result.note) this.note(result.note);
      this.flush();
      this.endFrame(
        frame,
        result.end === 'return' ? { kind: 'return', outputs: result.outputs } : { kind: result.end },
      );
      return undefined;
    }
    this.flush();
    return undefined;
  }

  /** Removes the frame (and anything above it) and lets the contact logic decide what follows. */
  endFrame(frame: Frame, how: FrameEnd): void {
    const index = this.s.stack.indexOf(frame);
    if (index >= 0) this.dropFrames(index);
    this.wiring.onFrameEnd(this, frame, how);
  }

  /** Removes the frames from `index` up, cancelling the timers their blocks were waiting on. */
  dropFrames(index: number): void {
    // A module's secure values leave with its frame, not from `$lastDigits` or a copy: remember them.
    if (this.s.stack.slice(index).some((f) => f.kind === 'module')) this.keepSecret(...this.secrets());
    for (const dropped of this.s.stack.slice(index)) this.cancelTimer(dropped.wait?.timerId);
    this.s.stack = this.s.stack.slice(0, index);
  }

  /** The block context for the frame's current block; undefined (contact failed) when the flow is gone. */
  private context(frame: Frame): { ctx: BlockContext; block: Flow['blocks'][string] } | undefined {
    const compiled = this.compiled(frame.flowId);
    if (!compiled) {
      this.fail('RT102', `Flow "${frame.flowId}" is not published.`);
      return undefined;
    }
    const block = compiled.flow.blocks[frame.block];
    if (!block) {
      this.fail('RT103', `Flow "${frame.flowId}" has no block "${frame.block}".`);
      return undefined;
    }
    const ctx = this.wiring.blockContext(this, frame, compiled.flow, block.settings ?? {});
    return { ctx, block };
  }

  // -- variables and prompts -----------------------------------------------------------------------

  lookup(frame: Frame | undefined, name: string): unknown {
    return lookupVariable(this, frame, name);
  }

  assign(frame: Frame | undefined, name: string, value: unknown): Coerced {
    if (name.startsWith('$')) return { ok: false, reason: `${name} is a system variable and cannot be set` };
    const flow = frame ? this.compiled(frame.flowId)?.flow : this.rootFlow();
    const root = this.rootFlow();
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
    if (!coerced.ok && 'secure' in declaration && declaration.secure === true) {
      return {
        ok: false,
        reason: `the value does not fit the ${declaration.type} type of secure variable ${name}`,
      };
    }
    if (!coerced.ok) return coerced;
    const stored = coerced.value as JsonValue;
    if ('secure' in declaration && declaration.secure === true) this.keepSecret(stored);
    if (frame?.kind === 'module') frame.vars = { ...frame.vars, [name]: stored };
    else {
      this.s.variables = { ...this.s.variables, [name]: stored };
      if (!('secure' in declaration && declaration.secure === true)) this.markCopy(name, stored);
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
      if (resource.language) out.language = resource.language;
      return out;
    }
    if (typeof p.text === 'string') return { text: fill(p.text) };
    return undefined;
  }

  waitOf(frame: Frame): Wait | undefined {
    return frame.wait;
  }
}

/** Commands whose results come back naming them. */
const COMMANDS_WITH_REF = new Set(['play', 'collectDigits', 'dial', 'offerToAgent', 'httpRequest']);

const NO_SECRETS: readonly string[] = [];

const secureCache = new WeakMap<Flow, string[]>();
function secureNames(flow: Flow): string[] {
  let names = secureCache.get(flow);
  if (!names) {
    names = secureVariableNames(flow);
    secureCache.set(flow, names);
  }
  return names;
}
