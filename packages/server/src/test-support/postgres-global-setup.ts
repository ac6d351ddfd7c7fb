import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server; each suite makes its own database on it. */
    postgresUrl: string;
  }
}

/** One PostgreSQL server for the whole test run (about a second to start), stopped after it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
