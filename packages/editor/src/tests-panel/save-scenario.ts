/**
 * Appends a scenario to a flow's test file on the server (`<flow>.test.json`, created when missing),
 * with the file's etag so a concurrent change is never overwritten: on a conflict the file is read again
 * and the scenario appended to what is there now (once; a second conflict is reported).
 */
import { ApiError, type FlowTestDocument, type FlowTestFile } from '../api/client';

export interface TestFileApi {
  flowTests(flowId: string): Promise<FlowTestFile[]>;
  saveFlowTests(
    flowId: string,
    file: string,
    document: FlowTestDocument,
    etag: string | null,
  ): Promise<{ file: string; etag: string }>;
}

export type SaveScenarioResult =
  | { ok: true; file: string; created: boolean }
  | { ok: false; message: string };

const schemaRef = '../schemas/flow-test.schema.json';

export async function saveScenario(
  api: TestFileApi,
  flowId: string,
  recorded: { name: string },
): Promise<SaveScenarioResult> {
  const file = `${flowId}.test.json`;
  const scenario = recorded as FlowTestDocument['scenarios'][number];
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = (await api.flowTests(flowId)).find((f) => f.file === file);
    if (current && !current.test) {
      return {
        ok: false,
        message: `${file} cannot be read (${current.problems[0]?.message ?? 'invalid'}): fix it first.`,
      };
    }
    if (current?.test?.scenarios.some((s) => s.name === scenario.name)) {
      return { ok: false, message: `${file} already has a scenario named "${scenario.name}".` };
    }
    const document: FlowTestDocument = current?.test
      ? { ...current.test, scenarios: [...current.test.scenarios, scenario] }
      : { $schema: schemaRef, formatVersion: 1, flow: flowId, scenarios: [scenario] };
    try {
      await api.saveFlowTests(flowId, file, document, current?.etag ?? null);
      return { ok: true, file, created: !current };
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && attempt === 0) continue;
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ok: false, message: `${file} kept changing while saving: try again.` };
}
