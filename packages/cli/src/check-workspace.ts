import { checkFlowTestText, checkFlowText, checkResourcesText, type Problem } from '@callflow/model';
import type { Workspace, WorkspaceFile } from './workspace.js';

/**
 * Checks every file of the workspace: flows against the schema and the lint rules (with the resources
 * and the other flows of their directory), resources files and flow tests against their schemas.
 * A resources file that cannot be used is reported even when only a flow was asked for, because the
 * flow's references to queues, numbers and prompts then go unchecked.
 */
export function checkWorkspace(workspace: Workspace): Problem[] {
  const problems: Problem[] = [...workspace.problems];
  const checkedResources = new Set<string>();
  for (const file of workspace.files) {
    if (file.kind === 'resources') checkedResources.add(file.path);
    problems.push(...checkFile(file));
  }
  for (const project of workspace.projects) {
    const file = project.resourcesFile;
    if (file === undefined || checkedResources.has(file)) continue;
    checkedResources.add(file);
    problems.push(...project.resourcesProblems);
  }
  return problems;
}

export function checkFile(file: WorkspaceFile): Problem[] {
  const { project } = file;
  switch (file.kind) {
    case 'resources':
      return checkResourcesText(file.text, { file: file.path }).problems;
    case 'test':
      return checkFlowTestText(file.text, { file: file.path }).problems;
    case 'flow':
      return checkFlowText(file.text, {
        file: file.path,
        flows: project.flows,
        ...(project.resources ? { resources: project.resources } : {}),
      }).problems;
  }
}
