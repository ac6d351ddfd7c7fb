import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  checkResourcesText,
  FLOW_TYPES,
  type FlowSummary,
  type FlowType,
  type ModuleInterface,
  type Problem,
  problem,
  type Resources,
} from '@callflow/model';
import { describeFsError, type ReadResult, readTextFile } from './read-text-file.js';
import { compareText } from './report.js';

export type FileKind = 'flow' | 'resources' | 'test';

export const FLOW_SUFFIX = '.flow.json';
export const TEST_SUFFIX = '.test.json';
export const RESOURCES_FILE = 'resources.json';

/** The flows of one directory, and the resources they are checked against. */
export interface Project {
  dir: string;
  /** The resources file in use (`--resources`, or `resources.json` beside the flows), as shown. */
  resourcesFile?: string;
  /** Absent when there is no resources file or it has errors: references are then not checked. */
  resources?: Resources;
  /** Why the resources file could not be used (reading, JSON or schema errors). */
  resourcesProblems: Problem[];
  /** Every flow of the directory by id, so that references between flows are checked. */
  flows: ReadonlyMap<string, FlowSummary>;
}

export interface WorkspaceFile {
  kind: FileKind;
  /** As shown to the user: relative to the working directory, `/`-separated. */
  path: string;
  absolutePath: string;
  text: string;
  project: Project;
}

export interface Workspace {
  /** The readable files the user asked for, sorted by path. */
  files: WorkspaceFile[];
  /** Paths that do not exist, cannot be read, are too large, or hold no flows. */
  problems: Problem[];
  projects: Project[];
}

export interface LoadOptions {
  cwd: string;
  /** A resources file to use for every flow instead of the `resources.json` beside it. */
  resources?: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist']);

export function fileKind(path: string): FileKind {
  const name = basename(path);
  if (name.endsWith(TEST_SUFFIX)) return 'test';
  if (name === RESOURCES_FILE) return 'resources';
  return 'flow';
}

/**
 * Finds the files to check under `paths` (files or directories, searched recursively; hidden folders,
 * node_modules and dist are skipped), then prepares, for each directory holding flows, the resources
 * and the summaries of all its flows. Never throws for bad input: every failure is a coded problem.
 */
export async function loadWorkspace(paths: readonly string[], options: LoadOptions): Promise<Workspace> {
  const problems: Problem[] = [];
  const display = (absolute: string): string => displayPath(options.cwd, absolute);
  const selected = new Map<string, FileKind>();
  const explicitResources = options.resources ? resolve(options.cwd, options.resources) : undefined;

  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch (error) {
      problems.push(fileProblem('CF006', path, `Cannot read ${path}: ${describeFsError(error)}.`));
      continue;
    }
    if (!isDirectory) {
      selected.set(absolute, absolute === explicitResources ? 'resources' : fileKind(absolute));
      continue;
    }
    const found = await findFiles(absolute, problems, display);
    if (!found.some((f) => f.endsWith(FLOW_SUFFIX))) {
      problems.push(fileProblem('CF006', path, `No flows found: ${path} holds no *${FLOW_SUFFIX} files.`));
    }
    for (const file of found) selected.set(file, fileKind(file));
  }

  // Each file is read once, whether it was asked for or only summarised for its neighbours.
  const reads = new Map<string, Promise<ReadResult>>();
  const read = (absolute: string): Promise<ReadResult> => {
    let result = reads.get(absolute);
    if (!result) {
      result = readTextFile(absolute, display(absolute));
      reads.set(absolute, result);
    }
    return result;
  };
  const projects = new Map<string, Promise<Project>>();
  const projectOf = (dir: string): Promise<Project> => {
    let project = projects.get(dir);
    if (!project) {
      project = loadProject(dir, explicitResources, display, read);
      projects.set(dir, project);
    }
    return project;
  };

  const files: WorkspaceFile[] = [];
  for (const [absolutePath, kind] of selected) {
    const result = await read(absolutePath);
    if (!result.ok) {
      problems.push(result.problem);
      continue;
    }
    const project = await projectOf(dirname(absolutePath));
    files.push({ kind, path: display(absolutePath), absolutePath, text: result.text, project });
  }
  files.sort((a, b) => compareText(a.path, b.path));
  return { files, problems, projects: await Promise.all(projects.values()) };
}

async function findFiles(
  dir: string,
  problems: Problem[],
  display: (absolute: string) => string,
): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const path = display(dir);
    problems.push(fileProblem('CF006', path, `Cannot read ${path}: ${describeFsError(error)}.`));
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
        out.push(...(await findFiles(path, problems, display)));
      }
    } else if (isCheckedFileName(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

function isCheckedFileName(name: string): boolean {
  return name.endsWith(FLOW_SUFFIX) || name.endsWith(TEST_SUFFIX) || name === RESOURCES_FILE;
}

async function loadProject(
  dir: string,
  explicitResources: string | undefined,
  display: (absolute: string) => string,
  read: (absolute: string) => Promise<ReadResult>,
): Promise<Project> {
  const resourcesPath = explicitResources ?? join(dir, RESOURCES_FILE);
  const project: Project = { dir: display(dir), resourcesProblems: [], flows: new Map() };
  const resourcesExists = explicitResources !== undefined || (await isFile(resourcesPath));
  if (resourcesExists) {
    const file = display(resourcesPath);
    project.resourcesFile = file;
    const result = await read(resourcesPath);
    if (result.ok) {
      const checked = checkResourcesText(result.text, { file });
      if (checked.resources) project.resources = checked.resources;
      project.resourcesProblems = checked.problems;
    } else {
      project.resourcesProblems = [result.problem];
    }
  }
  project.flows = await flowSummaries(dir, read);
  return project;
}

/**
 * Summaries of the flows of one directory. Files that cannot be read or parsed are left out here (they
 * are reported when checked); plain JSON.parse is enough, as no position is needed.
 */
async function flowSummaries(
  dir: string,
  read: (absolute: string) => Promise<ReadResult>,
): Promise<Map<string, FlowSummary>> {
  const summaries = new Map<string, FlowSummary>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(FLOW_SUFFIX)).sort();
  } catch {
    return summaries;
  }
  for (const name of names) {
    const result = await read(join(dir, name));
    if (!result.ok) continue;
    const summary = flowSummary(parseJson(result.text));
    if (summary && !summaries.has(summary.id)) summaries.set(summary.id, summary);
  }
  return summaries;
}

/** What other flows need to know of a flow: its id, type and module interface. */
export function flowSummary(doc: unknown): FlowSummary | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const { id, type, module } = doc as Record<string, unknown>;
  if (typeof id !== 'string' || !(FLOW_TYPES as readonly string[]).includes(String(type))) return undefined;
  const summary: FlowSummary = { id, type: type as FlowType };
  if (module !== null && typeof module === 'object' && !Array.isArray(module)) {
    summary.module = module as ModuleInterface;
  }
  return summary;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function fileProblem(code: 'CF006', file: string, message: string): Problem {
  const p = problem(code, message, '');
  p.file = file;
  return p;
}

export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  // Relative even above the working directory (`../flows/x.flow.json`): what the user typed, and what
  // editors and terminals turn into links.
  const shown = rel === '' ? '.' : isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}
