import { duplicateSelection } from '../app/use-shortcuts';
import { deleteBlocks } from '../canvas/delete-blocks';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { useEditorStore } from '../store/flow-store';
import { BlockForm } from './BlockForm';
import { FlowForm } from './FlowForm';

/** Settings of the selected block, of the flow when nothing is selected, or actions on a multi-selection. */
export function PropertiesPanel() {
  const selection = useEditorStore((s) => s.selection);
  const { placeInView } = useCanvasActions();
  return (
    <section className="panel" aria-label="Properties">
      {selection.length === 0 && <FlowForm />}
      {selection.length === 1 && <BlockForm key={selection[0]} blockId={selection[0]!} />}
      {selection.length > 1 && (
        <div className="form">
          <p>
            <strong>{selection.length}</strong> blocks selected: {selection.join(', ')}
          </p>
          <div className="field-row">
            <button type="button" onClick={() => duplicateSelection(placeInView)}>
              Duplicate
            </button>
            <button type="button" className="danger" onClick={() => void deleteBlocks(selection)}>
              Delete {selection.length} blocks
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
