import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF606: a flow stored as `<id>.flow.json` has that id (the server and the CLI find flows by file name). */
export const fileName: LintRule = (flow, { fileName }) => {
  if (fileName === undefined) return [];
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const expected = `${flow.id}.flow.json`;
  if (base === expected) return [];
  return [
    problem(
      'CF606',
      `The file "${base}" holds flow "${flow.id}"; rename the file to "${expected}" or change the id to match the file name.`,
      pointer('id'),
    ),
  ];
};
