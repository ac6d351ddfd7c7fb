import type { Problem, PromptResource } from '@callflow/model';
import { Field, TextInput } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { setEntryField } from './entry-edits';
import { PromptRecording } from './PromptRecording';

/** A prompt: what text-to-speech says, in which language, or a recording. */
export function PromptForm({
  name,
  entry,
  problems,
}: {
  name: string;
  entry: PromptResource;
  problems: readonly Problem[];
}) {
  const at = (key: string) => problemsAt(problems, pointer('prompts', name, key));
  const set = (key: string) => (value: unknown) => setEntryField('prompts', name, key, value);
  return (
    <>
      <Field
        id="entry-text"
        label="Text"
        problems={at('text')}
        help="Said by text-to-speech; {{variable}} placeholders are filled in."
      >
        <textarea
          id="entry-text"
          rows={4}
          value={entry.text}
          aria-invalid={at('text').length > 0}
          onChange={(e) => set('text')(e.target.value)}
        />
      </Field>
      <Field
        id="entry-language"
        label="Language"
        optional
        problems={at('language')}
        help='Like "en-US" or "fr".'
      >
        <TextInput
          id="entry-language"
          value={entry.language}
          placeholder="en-US"
          onChange={set('language')}
        />
      </Field>
      <Field
        id="entry-voice"
        label="Voice"
        optional
        problems={at('voice')}
        help='The text-to-speech voice as the telephony provider names it, like "Polly.Joanna".'
      >
        <TextInput id="entry-voice" value={entry.voice} onChange={set('voice')} />
      </Field>
      <PromptRecording name={name} audioFile={entry.audioFile} onChange={set('audioFile')} />
      <Field id="entry-audioUrl" label="Recording address elsewhere" optional problems={at('audioUrl')}>
        <TextInput
          id="entry-audioUrl"
          value={entry.audioUrl}
          placeholder="https://"
          onChange={set('audioUrl')}
        />
      </Field>
    </>
  );
}
