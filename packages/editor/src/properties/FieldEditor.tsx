import type { Problem, Widget } from '@callflow/model';
import type { ComponentType } from 'react';
import { AssignmentsEditor } from './widgets/AssignmentsEditor';
import {
  CheckboxInput,
  IntegerInput,
  MultilineInput,
  SecondsInput,
  SelectInput,
  TextInput,
} from './widgets/BasicInputs';
import { CallerIdInput } from './widgets/CallerIdInput';
import { ConditionsEditor } from './widgets/ConditionsEditor';
import { FlowPicker } from './widgets/FlowPicker';
import { KeyValueEditor } from './widgets/KeyValueEditor';
import { MenuOptionsEditor } from './widgets/MenuOptionsEditor';
import { OperandInput } from './widgets/OperandInput';
import { PercentSharesEditor } from './widgets/PercentSharesEditor';
import { PhoneNumberInput } from './widgets/PhoneNumberInput';
import { PromptInput } from './widgets/PromptInput';
import { HoursPicker, NumberPicker, QueuePicker } from './widgets/ResourcePicker';
import type { WidgetProps } from './widgets/types';
import { VariableInput } from './widgets/VariableInput';

/** One widget per form hint of the catalog; adding a block needs no new code here. */
const WIDGETS: Record<Widget, ComponentType<WidgetProps>> = {
  prompt: PromptInput,
  queue: QueuePicker,
  number: NumberPicker,
  phoneNumber: PhoneNumberInput,
  callerId: CallerIdInput,
  hours: HoursPicker,
  flow: FlowPicker,
  variable: VariableInput,
  operand: OperandInput,
  conditions: ConditionsEditor,
  assignments: AssignmentsEditor,
  menuOptions: MenuOptionsEditor,
  percentShares: PercentSharesEditor,
  moduleParameters: KeyValueEditor,
  keyValue: KeyValueEditor,
  text: TextInput,
  multiline: MultilineInput,
  seconds: SecondsInput,
  integer: IntegerInput,
  checkbox: CheckboxInput,
  select: SelectInput,
};

/** Widgets made of several controls get a fieldset; single controls a label. */
const GROUPED: ReadonlySet<Widget> = new Set([
  'prompt',
  'conditions',
  'assignments',
  'menuOptions',
  'percentShares',
  'moduleParameters',
  'keyValue',
  'callerId',
  'phoneNumber',
  'operand',
]);

export function FieldEditor(props: WidgetProps & { problems: Problem[]; focused: boolean }) {
  const { hint, problems, focused, id, info } = props;
  const Widget = WIDGETS[hint.widget] ?? TextInput;
  const messages = problems.length > 0 && (
    <ul className="field-problems" id={`${id}-problems`}>
      {problems.map((p) => (
        <li
          key={`${p.code}:${p.path}:${p.message}`}
          className={p.severity === 'warning' ? 'is-warning' : undefined}
        >
          {p.code}: {p.message}
        </li>
      ))}
    </ul>
  );
  const className = focused ? 'field has-focus' : 'field';
  const optional = !info.required && <span className="optional">optional</span>;
  if (hint.widget === 'checkbox') {
    return (
      <div className={className} data-field={hint.key}>
        <span className="field-row check">
          <Widget {...props} />
          <label htmlFor={id}>{hint.label}</label>
        </span>
        {hint.help && <p className="help">{hint.help}</p>}
        {messages}
      </div>
    );
  }
  if (GROUPED.has(hint.widget)) {
    return (
      <fieldset className={className} data-field={hint.key}>
        <legend>
          <label htmlFor={id}>{hint.label}</label>
          {optional}
        </legend>
        <Widget {...props} />
        {hint.help && <p className="help">{hint.help}</p>}
        {messages}
      </fieldset>
    );
  }
  return (
    <div className={className} data-field={hint.key}>
      <span className="field-title">
        <label htmlFor={id}>{hint.label}</label>
        {optional}
      </span>
      <Widget {...props} />
      {hint.help && <p className="help">{hint.help}</p>}
      {messages}
    </div>
  );
}
