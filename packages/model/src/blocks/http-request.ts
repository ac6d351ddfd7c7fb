import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { arr, key, obj, operandRefs, placeholderRefs, refIf } from './common.js';

export interface ResponseMapping {
  /** JSON pointer into the response body. */
  pointer: string;
  variable: string;
}

export interface HttpRequestSettings {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** May hold `{{variable}}` placeholders (URL-encoded on substitution). */
  url: string;
  headers?: Record<string, string>;
  /** JSON body built from operands. */
  body?: Record<string, { value: unknown } | { variable: string }>;
  timeoutSeconds: number;
  maxResponseBytes: number;
  responseMapping?: ResponseMapping[];
}

export const HTTP_MAX_TIMEOUT_SECONDS = 10;
export const HTTP_MAX_RESPONSE_BYTES = 1024 * 1024;

export const httpRequest = defineBlock<HttpRequestSettings>({
  type: 'httpRequest',
  title: 'HTTP request',
  group: 'integrate',
  icon: '⇄',
  description: 'Calls a web service and stores parts of its JSON answer in variables.',
  docs: 'Sends a request with a JSON body built from values and variables, waits at most `timeoutSeconds` (10 at most), reads at most `maxResponseBytes`, and copies values at JSON pointers of the response into variables. A 2xx answer is `success`; other statuses and unreadable bodies `error`; no answer in time `timeout`. Loopback, link-local and private addresses are refused unless the host is in `httpAllowlist` in resources.',
  flowTypes: ['inbound', 'customer-queue', 'module'],
  settingsSchema: {
    type: 'object',
    properties: {
      method: { description: 'HTTP method of the request.', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
      url: {
        description:
          'Address called, starting with http:// or https://, at most 2000 characters. Loopback, link-local and private addresses are refused unless the host is in `httpAllowlist` in resources.',
        type: 'string',
        pattern: '^https?://',
        maxLength: 2000,
      },
      headers: {
        description:
          'Request headers: name (letters, digits, -) to value (at most 1000 characters), at most 20.',
        type: 'object',
        propertyNames: { pattern: '^[A-Za-z0-9-]+$', maxLength: 64 },
        additionalProperties: { type: 'string', maxLength: 1000 },
        maxProperties: 20,
      },
      body: {
        description: "JSON body: each key gets a literal or a variable's value (at most 50 keys).",
        type: 'object',
        additionalProperties: ref('operand'),
        maxProperties: 50,
      },
      timeoutSeconds: {
        description:
          'Seconds to wait for the answer (1 to 10, default 5); no answer in time takes `timeout`.',
        type: 'integer',
        minimum: 1,
        maximum: HTTP_MAX_TIMEOUT_SECONDS,
        default: 5,
      },
      maxResponseBytes: {
        description: 'Most bytes of the answer read (1 to 1048576, default 65536).',
        type: 'integer',
        minimum: 1,
        maximum: HTTP_MAX_RESPONSE_BYTES,
        default: 65536,
      },
      responseMapping: {
        description: 'Values copied from the JSON answer into variables, at most 50.',
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          properties: {
            pointer: {
              description:
                'JSON pointer into the answer (`/customer/tier`; empty for the whole body), at most 200 characters.',
              type: 'string',
              pattern: '^(/.*)?$',
              maxLength: 200,
            },
            variable: {
              ...ref('variableName'),
              description: 'Variable that receives the value at `pointer`.',
            },
          },
          required: ['pointer', 'variable'],
          additionalProperties: false,
        },
      },
    },
    required: ['method', 'url', 'timeoutSeconds', 'maxResponseBytes'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error', 'timeout'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error'), outcome('timeout', 'Timeout')],
  terminal: false,
  waits: () => true,
  defaults: () => ({
    method: 'GET',
    url: 'https://api.example.com/customers/{{$callerNumber}}',
    timeoutSeconds: 5,
    maxResponseBytes: 65536,
  }),
  summary: (s) => `${s.method ?? ''} ${s.url ?? ''}`,
  references: (s) => [
    ...(typeof s.url === 'string' ? placeholderRefs(s.url, '/url') : []),
    ...Object.entries(obj(s.body) ?? {}).flatMap(([k, v]) => operandRefs(v, `/body/${key(k)}`)),
    ...arr(s.responseMapping).flatMap((m, i) =>
      refIf('writableVariable', obj(m)?.variable, `/responseMapping/${i}/variable`),
    ),
  ],
  form: [
    { key: 'method', label: 'Method', widget: 'select' },
    { key: 'url', label: 'URL', widget: 'text', help: '{{variable}} placeholders are URL-encoded.' },
    { key: 'headers', label: 'Headers', widget: 'keyValue' },
    { key: 'body', label: 'JSON body', widget: 'keyValue' },
    { key: 'timeoutSeconds', label: 'Timeout', widget: 'seconds' },
    { key: 'maxResponseBytes', label: 'Maximum response size (bytes)', widget: 'integer' },
    { key: 'responseMapping', label: 'Store response values', widget: 'keyValue' },
  ],
});
