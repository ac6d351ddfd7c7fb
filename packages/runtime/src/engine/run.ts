import { blockDefinition, type Flow, isBlockType, type JsonValue } from '@callflow/model';
import type { BlockBehaviour, BlockContext, BlockStep, ChildEnd } from '../blocks/behaviour.js';
import { isContactOver } from '../rules/contact-over.js';
import { redactText } from '../rules/redact.js';
import type { ContactEvent, ContactSnapshot, EngineEnv, Frame, FrameKind, StepResult } from '../types.js';
import { CommandLog } from './command-log.js';
import { ContactSecrets } from './contact-secrets.js';
import { ContactVariables } from './contact-variables.js';
import { draft } from './draft.js';
import { FlowPins } from './flow-pins.js';
import {
  type ContactErrorCode,
  DEFAULT_TRACE_TAIL,
  MAX_SAME_BLOCK_IN_A_ROW,
  MAX_STEPS_PER_FLOW_RUN,
} from './limits.js';
import { StepTrace } from './step-trace.js';
import type { EngineWiring, FrameEnd } from './wiring.js';

/**
 * One `step()` call's worth of work on a draft of the snapshot (the input snapshot is never touched,
 * see draft.ts). It runs the flow stack — blocks, the frames they push, how the contact ends — and
 * keeps each other concern in a part of its own: the pinned flows (`flows`), the commands and timers
 * (`commands`), the trace entries (`trace`), the secure values (`secrets`) and variables and prompts
 * (`vars`).
 */
export class ContactRun {
  readonly s: ContactSnapshot;
  readonly now: number;
  readonly flows: FlowPins;
  readonly commands: CommandLog;
  readonly secrets: ContactSecrets;
  readonly trace: StepTrace;
  readonly vars: ContactVariables;

  constructor(
    readonly wiring: EngineWiring,
    readonly env: EngineEnv,
    snapshot: ContactSnapshot,
    readonly event?: ContactEvent,
  ) {
    this.s = draft(snapshot);
    this.now = env.now();
    this.flows = new FlowPins(env, this.s);
    this.commands = new CommandLog(this.s, this.now);
    this.secrets = new ContactSecrets(this.s, this.flows);
    this.trace = new StepTrace(this.s, this.now, this.commands, this.secrets);
    this.vars = new ContactVariables(env, this.s, this.now, this.flows, this.secrets);
  }

  top(): Frame | undefined {
    return this.s.stack[this.s.stack.length - 1];
  }

  // -- ending the step and the contact ------------------------------------------------------------

  /** Ends the step: the snapshot keeps the newest trace entries, the result carries the new ones. */
  result(): StepResult {
    this.trace.flush();
    const traced = this.trace.entries;
    const tail = this.env.traceTail ?? DEFAULT_TRACE_TAIL;
    const count = traced.length;
    if (count >= tail) this.s.trace = tail === 0 ? [] : traced.slice(count - tail);
    else if (count > 0)
      this.s.trace = this.s.trace.slice(Math.max(0, this.s.trace.length - (tail - count))).concat(traced);
    return { snapshot: this.s, commands: this.commands.list, trace: traced };
  }

  finish(reason: string, hangup = true): void {
    if (isContactOver(this.s)) return;
    this.trace.note(`contact ended: ${reason}`);
    if (this.s.queue && (this.s.status === 'queued' || this.s.status === 'offered')) {
      if (this.s.queue.offer) {
        this.commands.emit({ type: 'withdrawOffer', agent: this.s.queue.offer.agent, rona: false });
      }
      this.commands.emit({ type: 'dequeue', queue: this.s.queue.name, reason });
    }
    this.commands.cancelAllTimers();
    if (hangup) this.commands.emit({ type: 'hangup', reason });
    this.s.stack = [];
    this.s.status = 'ended';
    this.s.endReason = reason;
  }

  fail(code: ContactErrorCode, detail: string): void {
    this.trace.with({ error: { code, detail } });
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
    const compiled = this.flows.compiled(flowId);
    if (!compiled) {
      if (kind === 'main') {
        this.fail('RT102', `Flow "${flowId}" is not published.`);
        return false;
      }
      const reason = `flow "${flowId}" is not published`;
      this.trace.note(`${reason}: the ${kind} flow is skipped`);
      this.trace.flush();
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
    this.trace.begin({
      flowId: frame.flowId,
      block: frame.block,
      blockType: ctx.block.type,
      event: event.type,
    });
    const result = this.guard(() => behaviour.resume?.(ctx.ctx, wait, event));
    if (result === undefined) {
      this.trace.discard();
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
    this.trace.begin({ flowId: parent.flowId, block: parent.block, blockType: ctx.block.type });
    const result = this.guard(() => behaviour.childEnded?.(ctx.ctx, wait, end));
    if (result) this.runFrame(parent, result);
  }

  private enterBlock(frame: Frame): BlockStep | undefined {
    if (isContactOver(this.s)) return undefined;
    const ctx = this.context(frame);
    if (!ctx) return undefined;
    this.s.steps += 1;
    frame.steps += 1;
    const key = `${frame.flowId}/${frame.block}`;
    this.s.sameBlock =
      this.s.sameBlock.key === key ? { key, count: this.s.sameBlock.count + 1 } : { key, count: 1 };
    this.trace.begin({ flowId: frame.flowId, block: frame.block, blockType: ctx.block.type });
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
      const message = redactText(
        error instanceof Error ? error.message : String(error),
        this.secrets.values(),
      );
      this.trace.with({ error: { code: 'RT104', detail: message } });
      return { outcome: 'error' };
    }
  }

  /** Applies a block's result; returns the next block's result when the flow moves on at once. */
  private apply(frame: Frame, result: BlockStep): BlockStep | undefined {
    if (isContactOver(this.s)) return undefined;
    if ('outcome' in result) {
      this.trace.with({ outcome: result.outcome });
      if (result.note) this.trace.note(result.note);
      frame.wait = undefined;
      const compiled = this.flows.compiled(frame.flowId);
      const next = compiled?.next(frame.block, result.outcome);
      if (next === undefined) {
        const definition = blockDefinition(compiled?.flow.blocks[frame.block]?.type ?? '');
        if (definition?.terminal !== true)
          this.trace.note(`outcome "${result.outcome}" is not wired: the flow ends here`);
        this.trace.flush();
        this.endFrame(frame, { kind: 'unwired' });
        return undefined;
      }
      frame.block = next;
      this.trace.flush();
      return this.enterBlock(frame);
    }
    if ('wait' in result) {
      frame.wait = result.wait;
      this.s.sameBlock = { key: '', count: 0 };
      this.trace.flush();
      if (result.push) this.push(result.push.kind, result.push.flowId, result.push.vars);
      return undefined;
    }
    if ('end' in result) {
      if ('note' in result && result.note) this.trace.note(result.note);
      this.trace.flush();
      this.endFrame(
        frame,
        result.end === 'return' ? { kind: 'return', outputs: result.outputs } : { kind: result.end },
      );
      return undefined;
    }
    this.trace.flush();
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
    if (this.s.stack.slice(index).some((f) => f.kind === 'module'))
      this.secrets.keep(...this.secrets.values());
    const dropped = this.s.stack.slice(index);
    for (const frame of dropped) this.commands.cancelTimer(frame.wait?.timerId);
    // A frame still waiting leaves its block without an outcome: the trace says so, for traffic counts.
    this.trace.left(dropped.filter((f) => f.wait).map((f) => ({ flowId: f.flowId, block: f.block })));
    this.s.stack = this.s.stack.slice(0, index);
  }

  /** The block context for the frame's current block; undefined (contact failed) when the flow is gone. */
  private context(frame: Frame): { ctx: BlockContext; block: Flow['blocks'][string] } | undefined {
    const compiled = this.flows.compiled(frame.flowId);
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
}
