import { readFile, stat } from 'node:fs/promises';
import { decodeDocumentBytes, MAX_FLOW_FILE_BYTES, type Problem, problem } from '@callflow/model';

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Reads a flow, resources or test file as UTF-8. Every failure becomes a coded problem naming the file:
 * a missing or unreadable file is CF006, a file over the size cap is CF002 (refused before it is read, so
 * a 50 MB file costs nothing), bytes that are not UTF-8 are CF001.
 */
export async function readTextFile(absolutePath: string, file: string): Promise<ReadResult> {
  const fail = (code: 'CF001' | 'CF002' | 'CF006', message: string): ReadResult => {
    const p = problem(code, message, '');
    p.file = file;
    return { ok: false, problem: p };
  };
  try {
    const info = await stat(absolutePath);
    if (!info.isFile()) return fail('CF006', `Cannot read ${file}: it is not a regular file.`);
    if (info.size > MAX_FLOW_FILE_BYTES) {
      return fail(
        'CF002',
        `The file is too large: ${info.size} bytes, the limit is ${MAX_FLOW_FILE_BYTES} bytes. Split the flow into modules.`,
      );
    }
    // The same decoding the service applies to request bodies (model's parseDocumentBytes).
    const decoded = decodeDocumentBytes(await readFile(absolutePath), file);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, problem: decoded.problem };
  } catch (error) {
    return fail('CF006', `Cannot read ${file}: ${describeFsError(error)}.`);
  }
}

/** A short, stack-free reason for a failed file system call. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return code ? `error ${code}` : error instanceof Error ? error.message : String(error);
  }
}
