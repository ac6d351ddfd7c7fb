import { MAX_PROMPT_AUDIO_BYTES, promptAudioType } from '@callflow/model';
import { useState } from 'react';
import { ApiError, api } from '../api/client';

/**
 * The prompt's recording: uploaded from the browser into prompts/ beside the flows (the server checks
 * it again: WAV or MP3 by its bytes, at most 5 MiB), then named as the prompt's `audioFile`.
 */
export function PromptRecording({
  name,
  audioFile,
  onChange,
}: {
  name: string;
  audioFile: string | undefined;
  onChange(audioFile: string | undefined): void;
}) {
  const [status, setStatus] = useState<{ kind: 'error' | 'busy' | 'done'; text: string } | null>(null);
  const upload = async (file: File) => {
    // Checked here first so a wrong file is said at once; the server's check is the one that counts.
    if (file.size > MAX_PROMPT_AUDIO_BYTES) {
      setStatus({
        kind: 'error',
        text: `prompt_too_large: ${file.name} is over ${MAX_PROMPT_AUDIO_BYTES} bytes.`,
      });
      return;
    }
    const type = promptAudioType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    if (!type) {
      setStatus({ kind: 'error', text: `unsupported_prompt_audio: ${file.name} is not WAV or MP3 audio.` });
      return;
    }
    setStatus({ kind: 'busy', text: `Uploading ${file.name}…` });
    try {
      const stored = await api.uploadPromptAudio(`${name}.${type}`, file);
      onChange(stored.file);
      setStatus({ kind: 'done', text: `Uploaded ${file.name} as ${stored.file} (${stored.bytes} bytes).` });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: error instanceof ApiError ? `${error.code}: ${error.message}` : String(error),
      });
    }
  };
  return (
    <fieldset className="field" aria-label="Recording">
      <legend>Recording</legend>
      <p className="help">
        {audioFile ? (
          <>
            Plays <code data-testid="prompt-audio-file">{audioFile}</code> (stored beside the flows) instead
            of the text; the simulator shows the text with the file's name.
          </>
        ) : (
          'None: the text is said by text-to-speech.'
        )}
      </p>
      <span className="field-row">
        <input
          type="file"
          aria-label="Upload a recording (WAV or MP3)"
          accept=".wav,.mp3,audio/wav,audio/mpeg"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }}
        />
        {audioFile && (
          <button type="button" onClick={() => onChange(undefined)}>
            Remove recording
          </button>
        )}
      </span>
      {status && (
        <p
          className={status.kind === 'error' ? 'field-error' : 'help'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
    </fieldset>
  );
}
