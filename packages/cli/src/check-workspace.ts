import {
  checkFlowTestText,
  checkFlowText,
  checkResourcesText,
  type Problem,
  parseJsonDocument,
  problem,
} from '@callflow/model';
import { locateProblems } from './locate-problems.js';
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
    case 'test': {
      const checked = checkFlowTestText(file.text, { file: file.path });
      result.problems.push(...checked.problems);
      const flowId = checked.test?.flow;
      if (typeof flowId === 'string' && !project.flows.has(flowId)) {
        result.problems.push(unknownTestedFlow(file, flowId));
      }
      return;
    }
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

/** Flow tests run against the flows beside them: a test of a flow that is not there cannot run. */
function unknownTestedFlow(file: WorkspaceFile, flowId: string): Problem {
  const message = `The test is for flow "${flowId}", but ${file.project.dir} holds no flow with that id; tests run against the flows beside them.`;
  const [located] = locateProblems(
    parseJsonDocument(file.text),
    [problem('CF304', message, '/flow')],
    file.path,
  );
  return located!;
}
