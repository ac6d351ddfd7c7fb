import { checkFlowTestText, checkFlowText, checkResourcesText, type Problem } from '@callflow/model';
import type { Workspace, WorkspaceFile } from './workspace.js';

export interface WorkspaceCheck {
  problems: Problem[];
  /** Flows written in an older format version (checked after an in-memory upgrade), with that version. */
  outdated: { file: string; version: number }[];
}

/**
 * Checks every file of the workspace: flows against the schema and the lint rules (with the resources
 * and the other flows of their directory), resources files and flow tests against their schemas.
 * A resources file that cannot be used is reported even when only a flow was asked for, because the
 * flow's references to queues, numbers and prompts then go unchecked.
 */
export function checkWorkspace(workspace: Workspace): WorkspaceCheck {
  const result: WorkspaceCheck = { problems: [...workspace.problems], outdated: [] };
  const checkedResources = new Set<string>();
  for (const file of workspace.files) {
    if (file.kind === 'resources') checkedResources.add(file.path);
    checkFile(file, result);
  }
  for (const project of workspace.projects) {
    const file = project.resourcesFile;
    if (file === undefined || checkedResources.has(file)) continue;
    checkedResources.add(file);
    result.problems.push(...project.resourcesProblems);
  }
  return result;
}

function checkFile(file: WorkspaceFile, result: WorkspaceCheck): void {
  const { project } = file;
  switch (file.kind) {
    case 'resources':
      // Already checked when the directory's flows were prepared.
      if (project.resourcesFile === file.path) result.problems.push(...project.resourcesProblems);
      else result.problems.push(...checkResourcesText(file.text, { file: file.path }).problems);
      return;
    case 'test':
      result.problems.push(...checkFlowTestText(file.text, { file: file.path }).problems);
      return;
    case 'flow': {
      const checked = checkFlowText(file.text, {
        file: file.path,
        flows: project.flows,
        ...(project.resources ? { resources: project.resources } : {}),
      });
      result.problems.push(...checked.problems);
      if (checked.migratedFrom !== undefined) {
        result.outdated.push({ file: file.path, version: checked.migratedFrom });
      }
    }
  }
}
