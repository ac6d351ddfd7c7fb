export function VariablesPanel() {
  return (
    <section className="panel" aria-label="Variables">
      <p className="muted">Flow variables.</p>
    </section>
  );
}
