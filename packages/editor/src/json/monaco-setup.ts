/**
 * Monaco, bundled with the app (never fetched from a CDN), slimmed to the editor core and the JSON
 * language, with its workers built by Vite. Imported only by the lazy JSON view.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import flowSchema from '../../../../schemas/flow.schema.json';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

/**
 * Flow files say `"$schema": "../schemas/flow.schema.json"`. The model lives under `flows/` and the
 * schema is registered at the address that relative path resolves to, so the language service finds
 * it without fetching anything.
 */
export const FLOW_MODEL_URI = 'inmemory://callflow/flows/flow.flow.json';
export const FLOW_SCHEMA_URI = 'inmemory://callflow/schemas/flow.schema.json';

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [{ uri: FLOW_SCHEMA_URI, fileMatch: ['*.flow.json'], schema: flowSchema }],
});

loader.config({ monaco });

export { monaco };
