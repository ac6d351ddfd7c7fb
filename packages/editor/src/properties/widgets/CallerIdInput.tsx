import { CALLER_ID_STRATEGIES, type CallerIdStrategy, formatNumberForDisplay } from '@callflow/model';
import type { CallerIdDecision } from '@callflow/runtime';
import { type ReactNode, useMemo } from 'react';
import { useEditorStore } from '../../store/flow-store';
import { propertySchema } from '../field-schema';
import { type CallerIdPreview, callerIdPreview, EXAMPLE_CALLER } from './caller-id-preview';
import { ResourcePicker } from './ResourcePicker';
import { asRecord, type WidgetProps } from './types';
import { VariableField } from './VariableInput';

export const STRATEGY_LABELS: Record<CallerIdStrategy, string> = {
  fixed: 'A fixed number',
  variable: 'A number from a variable',
  queue: "The queue's outbound caller ID",
  caller: "The caller's own number",
  agentGroup: "The agent group's number",
  sameAreaCode: 'A number with the same area code',
  agentChoice: "The agent's choice",
};

/** The caller-ID strategy, its parameters, and which number the called party will see and why. */
export function CallerIdInput({ id, value, onChange, info, settings, blockId, invalid }: WidgetProps) {
  const setting = value === undefined ? undefined : asRecord(value);
  const flow = useEditorStore((s) => s.flow);
  const resources = useEditorStore((s) => s.resources);
  const blockType = flow?.blocks[blockId]?.type ?? '';
  const allowed = (propertySchema(info.schema, 'strategy').enum as CallerIdStrategy[] | undefined) ?? [
    ...CALLER_ID_STRATEGIES,
  ];
  const strategy = setting?.strategy as CallerIdStrategy | undefined;
  const preview = useMemo(
    () => (flow && resources ? callerIdPreview(blockId, settings, flow, resources) : null),
    [blockId, settings, flow, resources],
  );

  const set = (patch: Record<string, unknown>) => onChange({ strategy, ...setting, ...patch });
  const choose = (next: string) => {
    if (next === '') return onChange(undefined);
    const chosen: Record<string, unknown> = { strategy: next };
    if (next === 'fixed') chosen.number = resources?.account.principalNumber || '';
    if (next === 'variable') chosen.variable = '';
    onChange(chosen);
  };

  return (
    <div className="caller-id">
      <select id={id} value={strategy ?? ''} aria-invalid={invalid} onChange={(e) => choose(e.target.value)}>
        {!info.required && (
          <option value="">
            Not set —{' '}
            {blockType === 'callPhoneNumber' ? "the queue's caller ID" : "pass the caller's number through"}
          </option>
        )}
        {allowed.map((s) => (
          <option key={s} value={s}>
            {STRATEGY_LABELS[s] ?? s}
          </option>
        ))}
      </select>
      {strategy === 'fixed' && (
        <div className="field">
          <label htmlFor={`${id}-number`}>Number</label>
          <ResourcePicker
            id={`${id}-number`}
            kind="numbers"
            required
            invalid={false}
            value={typeof setting?.number === 'string' ? setting.number : undefined}
            onChange={(n) => set({ number: n ?? '' })}
          />
        </div>
      )}
      {strategy === 'variable' && (
        <div className="field">
          <label htmlFor={`${id}-variable`}>Variable holding the number</label>
          <VariableField
            id={`${id}-variable`}
            mode="read"
            value={typeof setting?.variable === 'string' ? setting.variable : ''}
            onChange={(v) => set({ variable: v })}
          />
        </div>
      )}
      {strategy === 'sameAreaCode' && (
        <label className="field">
          When no number has the same area code
          <select
            value={typeof setting?.fallback === 'string' ? setting.fallback : 'random'}
            onChange={(e) => set({ fallback: e.target.value })}
          >
            <option value="random">Use a random allowed number</option>
            <option value="principal">Use the principal number</option>
          </select>
        </label>
      )}
      {preview ? (
        <CallerIdPreviewView preview={preview} blockId={blockId} />
      ) : (
        <p className="help">Load the resources file to see which number the called party will see.</p>
      )}
    </div>
  );
}

function CallerIdPreviewView({ preview, blockId }: { preview: CallerIdPreview; blockId: string }) {
  if (preview.kind === 'example') {
    return (
      <div data-testid={`caller-id-preview-${blockId}`}>
        <DecisionView decision={preview.decision} testId={`caller-id-preview-${blockId}-0`}>
          <div className="muted">For example, {preview.example}.</div>
        </DecisionView>
      </div>
    );
  }
  if (preview.answers.length === 0) {
    return (
      <p className="help" data-testid={`caller-id-preview-${blockId}`}>
        No path from the start reaches this block yet: connect it to see which number the called party sees.
      </p>
    );
  }
  return (
    <div data-testid={`caller-id-preview-${blockId}`}>
      {preview.answers.length > 1 && (
        <p className="help">The number depends on the path the call takes to this block:</p>
      )}
      {preview.answers.map((answer, i) => (
        <DecisionView
          key={answer.situations.map((s) => s.when).join()}
          decision={answer.decision}
          testId={`caller-id-preview-${blockId}-${i}`}
        >
          {answer.situations.length > 0 && (
            <ul className="muted" aria-label="When">
              {answer.situations.map((s) => (
                <li key={s.when}>
                  When {s.when}, e.g. {s.path.join(' → ')}
                </li>
              ))}
            </ul>
          )}
        </DecisionView>
      ))}
      <div className="muted">For example, a call from {EXAMPLE_CALLER}.</div>
    </div>
  );
}

function DecisionView({
  decision,
  testId,
  children,
}: {
  decision: CallerIdDecision;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className={decision.number ? 'explain' : 'explain is-error'} aria-live="polite" data-testid={testId}>
      <strong>
        {decision.number
          ? `The called party sees ${display(decision.number)}${decision.name ? ` (${decision.name})` : ''}`
          : 'No caller ID can be chosen'}
      </strong>
      <div>
        Rule <code>{decision.rule}</code>: {decision.reason}.
      </div>
      {decision.rejected.length > 0 && (
        <ul>
          {decision.rejected.map((r) => (
            <li key={`${r.candidate}:${r.why}`}>
              Passed over {r.candidate}: {r.why}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

function display(number: string): string {
  try {
    return formatNumberForDisplay(number);
  } catch {
    return number;
  }
}
