import { isUtf8 } from 'node:buffer';
import type { BigIntStats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkFlowTestText,
  idRegExp,
  MAX_FLOW_FILE_BYTES,
  type Problem,
  type ProblemCode,
  parseJsonDocument,
  problem,
} from '@callflow/model';
import { apiError } from '../http/api-error.js';
import { etagOf } from './etag.js';

export const TEST_FILE_SUFFIX = '.test.json';

/**
 * A test file the service may write: `<name>.test.json` where `<name>` follows the flow id rules, so it
 * is a plain file name in the flows directory (no `/`, no `..`, nothing hidden).
 */
export function assertTestFileName(file: string): void {
  const name = file.endsWith(TEST_FILE_SUFFIX) ? file.slice(0, -TEST_FILE_SUFFIX.length) : '';
  if (name.length > 64 || !idRegExp.test(name)) {
    throw apiError(
      'invalid_file_name',
      `"${file.slice(0, 80)}" is not a test file name: use <name>${TEST_FILE_SUFFIX}, the name in lower-case letters, digits and single hyphens, starting with a letter.`,
      { file: file.slice(0, 80) },
    );
  }
}

/** One scenario test file of a flow, as the designer's Tests tab reads it. */
export interface FlowTestFile {
  /** The file name, without its directory. */
  file: string;
  /** A hash of the file's bytes, like a flow's etag (of its size, inode and mtime when too large to read). */
  etag: string;
  /** The document once it passed the flow test schema; null otherwise. */
  test: Record<string, unknown> | null;
  /** Why it cannot be used (empty when clean), with line and column. */
  problems: Problem[];
}

/**
 * The `*.test.json` files of `dir` whose `flow` is `flowId`, sorted by file name. Read from disk at every
 * call, never cached: test files change with `git pull`. A file whose flow cannot be told (not JSON, too
 * large, unreadable, no `flow`) belongs to no flow, except `<flowId>.test.json`, which is then reported
 * with `test: null` and its problems rather than silently missing.
 */
export async function readFlowTests(dir: string, flowId: string): Promise<FlowTestFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(TEST_FILE_SUFFIX)).sort();
  const files = await Promise.all(names.map((name) => readFlowTest(dir, name, flowId)));
  return files.filter((f): f is FlowTestFile => f !== undefined);
}

async function readFlowTest(dir: string, file: string, flowId: string): Promise<FlowTestFile | undefined> {
  const namedAfterFlow = file === `${flowId}${TEST_FILE_SUFFIX}`;
  const unread = (s: BigIntStats, code: ProblemCode, message: string): FlowTestFile | undefined =>
    namedAfterFlow
      ? {
          file,
          etag: etagOf(`${s.ino}:${s.size}:${s.mtimeNs}`),
          test: null,
          problems: [problem(code, message, '')],
        }
      : undefined;

  const path = join(dir, file);
  const s = await stat(path, { bigint: true }).catch(() => undefined);
  if (!s?.isFile()) return undefined;
  // Refused before reading, so a huge file costs one stat.
  if (s.size > MAX_FLOW_FILE_BYTES) {
    return unread(
      s,
      'CF002',
      `The file is too large: ${s.size} bytes, the limit is ${MAX_FLOW_FILE_BYTES} bytes. Split its scenarios into several test files.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone since the directory was listed (a checkout in progress): it is not there.
    if (code === 'ENOENT') return undefined;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    return unread(s, 'CF006', `The file cannot be read: ${reason}.`);
  }

  // The same text and tag the flow store makes of a file's bytes.
  const text = bytes.toString('utf8');
  const etag = etagOf(text);
  if (!isUtf8(bytes)) {
    if (!namedAfterFlow) return undefined;
    const message = 'The file is not UTF-8 text (is it a binary file?). Flow test files are UTF-8 JSON.';
    return { file, etag, test: null, problems: [problem('CF001', message, '')] };
  }
  const flow = flowOf(text);
  if (flow !== flowId && !(flow === undefined && namedAfterFlow)) return undefined;
  const checked = checkFlowTestText(text);
  return { file, etag, test: checked.test ?? null, problems: checked.problems };
}

/** The flow a test file enters, when its JSON can be read that far. */
function flowOf(text: string): string | undefined {
  const { value } = parseJsonDocument(text);
  const flow = typeof value === 'object' && value !== null ? (value as { flow?: unknown }).flow : undefined;
  return typeof flow === 'string' ? flow : undefined;
}
