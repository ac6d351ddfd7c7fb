import type { Flow, JsonValue } from '@callflow/model';
import type { BehaviourRegistry, BlockContext } from '../blocks/behaviour.js';
import type { Frame } from '../types.js';
import type { ContactRun } from './run.js';

/** How a flow (a frame of the stack) finished. */
export type FrameEnd =
  | { kind: 'disconnect' | 'endFlow' | 'transferred' | 'unwired'; note?: string }
  | { kind: 'return'; outputs: Record<string, JsonValue> }
  | { kind: 'error'; reason: string };

/**
 * What the block runner needs from outside itself, handed to every `ContactRun` by the engine's
 * entry points (contact-engine.ts): the behaviours of the block types, what follows when a frame ends,
 * and the context blocks run with. Passing them in keeps run.ts free of imports of the blocks and of
 * the queue, recording and callback logic that call back into it (no import cycle, no registration).
 */
export interface EngineWiring {
  readonly behaviours: BehaviourRegistry;
  onFrameEnd(run: ContactRun, frame: Frame, how: FrameEnd): void;
  blockContext(run: ContactRun, frame: Frame, flow: Flow, settings: Record<string, unknown>): BlockContext;
  /** An agent accepted a callback offer: the callback logic places the call (queue.ts cannot import it). */
  onCallbackAccepted(run: ContactRun, agent: string): void;
}
