import {
  MAX_PROMPT_AUDIO_BYTES,
  PROMPT_AUDIO_CONTENT_TYPES,
  promptAudioNameType,
  promptAudioType,
} from '@callflow/model';
import { promptRoutes as API } from '@callflow/model/api-contract';
import express, { type Express, type RequestHandler } from 'express';
import { apiError } from '../http/api-error.js';
import { PROMPTS_FOLDER, type PromptFiles } from '../store/prompt-files.js';

/** Raw bytes of any type, up to the recording limit (a larger body is `prompt_too_large`, read no further). */
const audioBody: RequestHandler = (req, res, next) =>
  express.raw({ type: () => true, limit: MAX_PROMPT_AUDIO_BYTES })(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      next(
        apiError(
          'prompt_too_large',
          `A prompt recording may have at most ${MAX_PROMPT_AUDIO_BYTES} bytes; nothing was saved.`,
          { maxBytes: MAX_PROMPT_AUDIO_BYTES },
        ),
      );
      return;
    }
    next(error);
  });

function fileName(raw: string): { file: string; type: 'wav' | 'mp3' } {
  const file = raw;
  const type = promptAudioNameType(file);
  if (!type) {
    throw apiError(
      'invalid_prompt_file',
      'A prompt recording is named like "welcome.wav": letters, digits, _ . and -, ending in .wav or .mp3.',
      { path: '/file', file },
    );
  }
  return { file, type };
}

/** Uploading prompt recordings into `prompts/` beside the flows, and reading them back. */
export function promptRoutes(app: Express, files: PromptFiles): void {
  app.put(API.savePromptAudio.path, audioBody, async (req, res) => {
    const { file, type } = fileName(String(req.params.file ?? ''));
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const found = promptAudioType(bytes);
    if (found !== type) {
      throw apiError(
        'unsupported_prompt_audio',
        found
          ? `The recording is ${found.toUpperCase()} but named .${type}; name it .${found}. Nothing was saved.`
          : 'The recording is not WAV or MP3 audio; nothing was saved.',
        { file, expected: type, found: found ?? null, bytes: bytes.length },
      );
    }
    await files.write(file, bytes);
    res.status(201).json({ file: `${PROMPTS_FOLDER}/${file}`, bytes: bytes.length, type });
  });

  app.get(API.getPromptAudio.path, async (req, res) => {
    const { file, type } = fileName(String(req.params.file ?? ''));
    const bytes = await files.read(file);
    if (!bytes) throw apiError('prompt_file_not_found', `There is no recording prompts/${file}.`, { file });
    res.set('Content-Type', PROMPT_AUDIO_CONTENT_TYPES[type]).send(bytes);
  });
}
