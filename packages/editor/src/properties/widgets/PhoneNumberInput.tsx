import { useState } from 'react';
import { useEditorStore } from '../../store/flow-store';
import { phoneNumberFeedback } from './phone-number';
import { asRecord, type WidgetProps } from './types';
import { VariableField } from './VariableInput';

/** A number to dial: typed (sanitised and checked as you type, saved in E.164) or from a variable. */
export function PhoneNumberInput({ id, value, onChange, hint, invalid }: WidgetProps) {
  const operand = asRecord(value);
  const resources = useEditorStore((s) => s.resources);
  const fromVariable = 'variable' in operand;
  const text = typeof operand.value === 'string' ? operand.value : '';
  const [stripped, setStripped] = useState(false);
  const feedback = fromVariable || text === '' ? null : phoneNumberFeedback(text, resources);
  return (
    <div className="phone-number">
      <span className="field-row">
        <select
          aria-label={`${hint.label}: source`}
          value={fromVariable ? 'variable' : 'number'}
          onChange={(e) => onChange(e.target.value === 'variable' ? { variable: '' } : { value: '' })}
        >
          <option value="number">Number</option>
          <option value="variable">From variable</option>
        </select>
        {fromVariable ? (
          <VariableField
            id={id}
            mode="read"
            label={hint.label}
            value={typeof operand.variable === 'string' ? operand.variable : ''}
            invalid={invalid}
            onChange={(v) => onChange({ variable: v })}
          />
        ) : (
          <input
            id={id}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={text}
            placeholder="+12025550143"
            aria-invalid={invalid || (feedback !== null && !feedback.check.ok)}
            aria-describedby={`${id}-feedback`}
            onChange={(e) => {
              const next = phoneNumberFeedback(e.target.value, resources);
              setStripped(next.stripped);
              onChange({ value: next.sanitized });
            }}
            onBlur={() => {
              if (feedback?.check.ok && feedback.normalized !== text)
                onChange({ value: feedback.normalized });
            }}
          />
        )}
      </span>
      {feedback && (
        <p id={`${id}-feedback`} className={feedback.check.ok ? 'help' : 'field-error'} aria-live="polite">
          {feedback.check.ok ? '✓ ' : ''}
          {feedback.message}
          {stripped ? ' (characters that cannot be dialled were removed)' : ''}
        </p>
      )}
    </div>
  );
}
