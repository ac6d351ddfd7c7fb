import { blockDefinition, type Problem } from '@callflow/model';
import { useEffect, useMemo, useRef } from 'react';
import { deleteBlocks } from '../canvas/delete-blocks';
import { blockView } from '../canvas/flow-graph';
import { setBlockLabel, setStart, updateSettings } from '../flow/flow-edits';
import { type FieldFocus, useEditorStore } from '../store/flow-store';
import { BlockIdField } from './BlockIdField';
import { FieldEditor } from './FieldEditor';
import { fieldInfo, withSetting } from './field-schema';
import { OutcomeTargets } from './OutcomeTargets';

/** The form of one block, generated from its catalog definition. */
export function BlockForm({ blockId }: { blockId: string }) {
  const flow = useEditorStore((s) => s.flow);
  const problems = useEditorStore((s) => s.problems);
  const focus = useEditorStore((s) => s.focus);
  const root = useRef<HTMLDivElement>(null);
  const block = flow?.blocks[blockId];
  const definition = block ? blockDefinition(block.type) : undefined;
  const own = useMemo(
    () => problems.filter((p) => p.blockId === blockId || p.path.startsWith(`/blocks/${blockId}/`)),
    [problems, blockId],
  );

  useFocusField(root, blockId, focus);

  if (!flow || !block) return null;
  const settings = (block.settings ?? {}) as Record<string, unknown>;
  const view = blockView(flow, blockId, block, own);
  const edit = useEditorStore.getState().edit;
  const settingsPath = `/blocks/${blockId}/settings`;
  const other = own.filter((p) => !p.path.startsWith(`${settingsPath}/`) && !isOutcomeProblem(p, blockId));

  return (
    <div className="form block-form" ref={root}>
      <header>
        <h3>
          <span aria-hidden="true">{view.icon}</span> {view.title}
        </h3>
        {definition && <p className="help">{definition.description}</p>}
      </header>
      <BlockIdField blockId={blockId} />
      <div className="field">
        <label htmlFor="block-label">Label (optional)</label>
        <input
          id="block-label"
          value={block.label ?? ''}
          onChange={(e) => edit((f) => setBlockLabel(f, blockId, e.target.value), `${blockId}:label`)}
        />
      </div>
      <div className="field-row">
        {view.isStart ? (
          <span className="muted">The flow starts here.</span>
        ) : (
          <button type="button" onClick={() => edit((f) => setStart(f, blockId))}>
            Set as start
          </button>
        )}
        <button type="button" className="danger" onClick={() => void deleteBlocks([blockId])}>
          Delete block
        </button>
      </div>
      {other.length > 0 && (
        <ul className="field-problems">
          {other.map((p) => (
            <li
              key={`${p.code}:${p.path}:${p.message}`}
              className={p.severity === 'warning' ? 'is-warning' : undefined}
            >
              {p.code}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {definition && definition.form.length > 0 && <h3>Settings</h3>}
      {definition?.form.map((hint) => {
        const path = `${settingsPath}/${hint.key}`;
        const fieldProblems = own.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
        return (
          <FieldEditor
            key={`${blockId}:${hint.key}`}
            id={`field-${hint.key}`}
            hint={hint}
            info={fieldInfo(definition, hint.key)}
            value={settings[hint.key]}
            settings={settings}
            blockId={blockId}
            invalid={fieldProblems.some((p) => p.severity === 'error')}
            problems={fieldProblems}
            focused={
              !!focus &&
              focus.blockId === blockId &&
              (focus.path === path || focus.path.startsWith(`${path}/`))
            }
            onChange={(value) =>
              edit(
                (f) => updateSettings(f, blockId, withSetting(currentSettings(blockId), hint.key, value)),
                `${blockId}:${hint.key}`,
              )
            }
          />
        );
      })}
      <h3>Outcomes</h3>
      <OutcomeTargets
        view={view}
        problems={own}
        {...(focus?.blockId === blockId ? { focusPath: focus.path } : {})}
      />
      {definition && (
        <details className="block-docs">
          <summary>About this block</summary>
          <p>{definition.docs}</p>
        </details>
      )}
    </div>
  );
}

/** Problems about the wiring: shown next to the outcome they name. */
function isOutcomeProblem(p: Problem, blockId: string): boolean {
  const next = `/blocks/${blockId}/next`;
  return p.path === next || p.path.startsWith(`${next}/`) || p.code === 'CF202' || p.code === 'CF207';
}

/** Settings as they are now (a widget may fire twice before React re-renders). */
function currentSettings(blockId: string): Record<string, unknown> {
  return (useEditorStore.getState().flow?.blocks[blockId]?.settings ?? {}) as Record<string, unknown>;
}

function view(blockId: string) {
  const flow = useEditorStore.getState().flow;
  const block = flow?.blocks[blockId];
  return flow && block ? blockView(flow, blockId, block) : undefined;
}

/** A click on a problem focuses the field it is about. */
function useFocusField(
  root: React.RefObject<HTMLDivElement | null>,
  blockId: string,
  focus: FieldFocus | null,
) {
  useEffect(() => {
    if (!focus || focus.blockId !== blockId || !root.current) return;
    const rest = focus.path.slice(`/blocks/${blockId}`.length);
    const settingKey = /^\/settings\/([^/]+)/.exec(rest)?.[1];
    const outcome =
      /^\/next\/([^/]+)/.exec(rest)?.[1] ??
      (rest === '/next' ? (view(blockId)?.outcomes.find((o) => o.broken)?.name ?? undefined) : undefined);
    const selector = settingKey
      ? `[data-field="${CSS.escape(settingKey)}"] :is(input, select, textarea, button)`
      : outcome
        ? `#${CSS.escape(`outcome-${blockId}-${outcome}`)}`
        : '#block-id';
    const target = root.current.querySelector<HTMLElement>(selector);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [focus, blockId, root]);
}
