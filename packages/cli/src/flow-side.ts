/**
 * One side of `callflow diff`: a flow file, or a git revision of one (`HEAD~1:flows/x.flow.json`,
 * read with `git show` in the working directory). An empty file stands for "no flow" (git difftool
 * passes one for a file added or deleted).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { checkFlowText, decodeDocumentBytes, type Flow, type Problem, problem } from '@callflow/model';
import { readTextFile } from './read-text-file.js';

export type FlowSide = { ok: true; flow: Flow | null } | { ok: false; problems: Problem[] };

/** `rev:path` as git names a file at a revision; never a Windows drive letter (`C:\\x`). */
const GIT_REVISION = /^([^:]{2,}|[^:]?):(.+)$/;
const MAX_GIT_OUTPUT = 16 * 1024 * 1024;

export async function readFlowSide(arg: string, cwd: string): Promise<FlowSide> {
  const path = resolve(cwd, arg);
  let text: string;
  if (existsSync(path)) {
    const read = await readTextFile(path, arg);
    if (!read.ok) return { ok: false, problems: [read.problem] };
    text = read.text;
  } else if (GIT_REVISION.test(arg)) {
    const shown = await gitShow(arg, cwd);
    if (!shown.ok) return shown;
    text = shown.text;
  } else {
    return { ok: false, problems: [fileProblem(arg, `Cannot read ${arg}: no such file or git revision.`)] };
  }
  if (text.trim() === '') return { ok: true, flow: null };
  const checked = checkFlowText(text, { file: arg });
  if (!checked.flow) return { ok: false, problems: checked.problems };
  return { ok: true, flow: checked.flow };
}

async function gitShow(
  arg: string,
  cwd: string,
): Promise<{ ok: true; text: string } | { ok: false; problems: Problem[] }> {
  try {
    // execFile, never a shell: the revision is passed as one argument, whatever it holds.
    const { stdout } = await promisify(execFile)('git', ['show', '--end-of-options', arg], {
      cwd,
      encoding: 'buffer',
      maxBuffer: MAX_GIT_OUTPUT,
    });
    const decoded = decodeDocumentBytes(stdout, arg);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, problems: [decoded.problem] };
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '')
      .trim()
      .split('\n')[0];
    return {
      ok: false,
      problems: [fileProblem(arg, `Cannot read ${arg} from git: ${stderr || (error as Error).message}.`)],
    };
  }
}

function fileProblem(file: string, message: string): Problem {
  const p = problem('CF006', message, '');
  p.file = file;
  return p;
}
