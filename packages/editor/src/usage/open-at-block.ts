import { useCenterStore } from '../center/center-store';
import { openFlow } from '../files/file-actions';
import { useEditorStore } from '../store/flow-store';

/**
 * Opens a flow (asking about unsaved changes first, as any open does) and selects the block whose
 * setting names the resource, with that setting focused in its form.
 */
export async function openFlowAt(flowId: string, blockId?: string, path?: string): Promise<void> {
  // From the Center area, a flow opens in the Flows area (the Center keeps its unsaved edits).
  useCenterStore.getState().setArea('flows');
  const store = useEditorStore.getState();
  if (store.flow?.id !== flowId) await openFlow(flowId);
  const now = useEditorStore.getState();
  if (now.flow?.id !== flowId || !blockId) return;
  now.focusProblem({ blockId, path: path ?? `/blocks/${blockId}` });
}
