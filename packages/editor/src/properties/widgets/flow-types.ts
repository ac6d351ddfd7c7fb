import type { FlowType } from '@callflow/model';

/**
 * The flow types a flow picker offers: the hint's types, narrowed by a sibling `kind` setting when
 * there is one (an outbound whisper offers only outbound-whisper flows).
 */
export function offeredFlowTypes(
  hintTypes: readonly FlowType[] | undefined,
  settings: Record<string, unknown>,
): FlowType[] {
  const types = [...(hintTypes ?? [])];
  const kind = settings.kind;
  if (typeof kind === 'string') {
    const narrowed = types.filter((t) => t === `${kind}-whisper`);
    if (narrowed.length > 0) return narrowed;
  }
  return types;
}
