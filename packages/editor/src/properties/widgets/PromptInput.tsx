import { useEditorStore } from '../../store/flow-store';
import { ResourcePicker } from './ResourcePicker';
import { asRecord, type WidgetProps } from './types';

/** A prompt is either one from the resources library or text-to-speech with `{{variable}}` lookups. */
export function PromptInput({ id, value, onChange, info, invalid }: WidgetProps) {
  const prompt = asRecord(value);
  const resources = useEditorStore((s) => s.resources);
  const mode: 'none' | 'library' | 'text' =
    value === undefined ? 'none' : 'prompt' in prompt ? 'library' : 'text';
  const libraryText = typeof prompt.prompt === 'string' ? resources?.prompts[prompt.prompt]?.text : undefined;
  return (
    <div className="prompt-input">
      <div className="field-row" role="radiogroup" aria-label="Prompt source">
        {!info.required && (
          <label className="check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'none'}
              onChange={() => onChange(undefined)}
            />
            None
          </label>
        )}
        <label className="check">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'text'}
            onChange={() => onChange({ text: libraryText ?? '' })}
          />
          Text to speech
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'library'}
            onChange={() => onChange({ prompt: Object.keys(resources?.prompts ?? {})[0] ?? '' })}
          />
          Prompt library
        </label>
      </div>
      {mode === 'text' && (
        <textarea
          id={id}
          rows={3}
          aria-label="Prompt text"
          aria-invalid={invalid}
          value={typeof prompt.text === 'string' ? prompt.text : ''}
          onChange={(e) => onChange({ text: e.target.value })}
          placeholder="Thanks for calling. {{customerName}} is a plain lookup."
        />
      )}
      {mode === 'library' && (
        <>
          <ResourcePicker
            id={id}
            kind="prompts"
            value={typeof prompt.prompt === 'string' ? prompt.prompt : undefined}
            required
            invalid={invalid}
            onChange={(name) => onChange({ prompt: name ?? '' })}
          />
          {libraryText && <p className="help">Says: “{libraryText}”</p>}
        </>
      )}
    </div>
  );
}
