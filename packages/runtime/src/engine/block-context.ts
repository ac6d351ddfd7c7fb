import type { Flow } from '@callflow/model';
import type {
  BlockContext,
  CommandDraft,
  FlowsCapability,
  QueueCapability,
  RecordingCapability,
  SecretsCapability,
} from '../blocks/behaviour.js';
import type { Coerced } from '../rules/coerce.js';
import { redactText } from '../rules/redact.js';
import type { ContactSnapshot, EngineEnv, Frame, Party, ResolvedPrompt, TraceEntry } from '../types.js';
import { customerQueueFlow, enqueue, moveToQueue, reorder, unpublishedQueueFlow } from './queue.js';
import { changeRecording } from './recording.js';
import type { ContactRun } from './run.js';

/**
 * The block context: a small object per block run, its methods on the prototype (a block runs
 * thousands of times a second; a dozen fresh closures each time showed in the profile). `lookup` is a
 * bound field because blocks hand it to the rules as a plain function. The capabilities (flows, queue,
 * recording, secrets) are the narrow part of the engine a block may reach; they are made on first use.
 */
export class Context implements BlockContext {
  readonly env: EngineEnv;
  readonly contact: ContactSnapshot;
  readonly blockId: string;
  readonly now: number;
  readonly party: Party;
  readonly lookup: (name: string) => unknown;

  constructor(
    private readonly run: ContactRun,
    readonly frame: Frame,
    readonly flow: Flow,
    readonly settings: Record<string, unknown>,
  ) {
    this.env = run.env;
    this.contact = run.s;
    this.blockId = frame.block;
    this.now = run.now;
    this.party = frame.kind === 'agentWhisper' || frame.kind === 'outboundWhisper' ? 'agent' : 'caller';
    this.lookup = (name) => run.vars.lookup(frame, name);
  }

  get flows(): FlowsCapability {
    const run = this.run;
    return { find: (flowId) => run.flows.compiled(flowId)?.flow };
  }

  get queue(): QueueCapability {
    const run = this.run;
    return {
      unpublishedFlow: (queue) => unpublishedQueueFlow(run, queue),
      enter: (queue) => {
        enqueue(run, queue, run.now);
        return customerQueueFlow(run);
      },
      moveTo: (queue) => moveToQueue(run, queue),
      reorder: () => reorder(run),
    };
  }

  get recording(): RecordingCapability {
    const run = this.run;
    return { change: (action, who, shield) => changeRecording(run, action, who, shield) };
  }

  get secrets(): SecretsCapability {
    const run = this.run;
    return {
      keep: (...values) => run.secrets.keep(...values),
      mask: (text) => redactText(text, run.secrets.values()),
    };
  }

  emit(command: CommandDraft): string {
    return this.run.commands.emit(command);
  }

  assign(name: string, value: unknown): Coerced {
    return this.run.vars.assign(this.frame, name, value);
  }

  prompt(setting: unknown): ResolvedPrompt | undefined {
    return this.run.vars.prompt(this.frame, setting);
  }

  play(prompt: ResolvedPrompt, loop?: boolean): string {
    const to = this.party;
    return this.run.commands.emit(
      loop ? { type: 'play', to, prompt, loop: true } : { type: 'play', to, prompt },
    );
  }

  startTimer(seconds: number, event: string): string {
    return this.run.commands.startTimer(seconds, event);
  }

  cancelTimer(id: string | undefined): void {
    this.run.commands.cancelTimer(id);
  }

  note(text: string): void {
    this.run.trace.note(text);
  }

  traceWith(fields: Partial<TraceEntry>): void {
    this.run.trace.with(fields);
  }
}
