import { useEditorStore } from '../store/flow-store';

export function PropertiesPanel() {
  const selection = useEditorStore((s) => s.selection);
  return (
    <section className="panel" aria-label="Properties">
      <p className="muted">{selection.length === 0 ? 'Select a block to edit it.' : selection.join(', ')}</p>
    </section>
  );
}
