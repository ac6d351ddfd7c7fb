/** Prompt recordings uploaded beside the flows (`prompts/<file>`), for prompts' `audioFile`. */
import { z } from 'zod';
import { PROMPT_AUDIO_NAME } from '../prompt-audio.js';
import { ADMINS, READERS } from './roles.js';
import { defineRoute } from './route.js';

const file = z.object({
  file: z
    .string()
    .regex(PROMPT_AUDIO_NAME)
    .meta({ description: 'A recording in prompts/ beside the flows: `<name>.wav` or `<name>.mp3`.' }),
});

const audio = z.string().meta({ format: 'binary' });

export const promptRoutes = {
  savePromptAudio: defineRoute({
    method: 'PUT',
    path: '/api/prompts/:file',
    roles: ADMINS,
    rolesNote: 'a prompt recording into prompts/ beside the flows (a resource, like resources.json)',
    summary:
      'Stores a prompt recording (WAV or MP3, read from its bytes, at most 5 MiB) as prompts/<file> beside the flows, replacing one of that name; a prompt plays it as its audioFile. Admin only.',
    params: file,
    paramsCode: 'invalid_prompt_file',
    rawBody: {
      description: "The recording's bytes",
      contentTypes: ['audio/wav', 'audio/mpeg'],
      schema: audio,
    },
    responses: {
      201: {
        description: 'Stored',
        schema: z.strictObject({
          file: z.string().meta({ description: '`prompts/<file>`, as a prompt names it in audioFile.' }),
          bytes: z.number().int(),
          type: z.enum(['wav', 'mp3']),
        }),
      },
    },
    errors: ['invalid_prompt_file', 'prompt_too_large', 'unsupported_prompt_audio'],
  }),
  getPromptAudio: defineRoute({
    method: 'GET',
    path: '/api/prompts/:file',
    roles: READERS,
    summary: 'A prompt recording, as stored.',
    params: file,
    paramsCode: 'invalid_prompt_file',
    responses: {
      200: { description: 'The recording (audio/wav or audio/mpeg)', contentType: 'audio/*', schema: audio },
    },
    errors: ['invalid_prompt_file', 'prompt_file_not_found'],
  }),
} as const;
