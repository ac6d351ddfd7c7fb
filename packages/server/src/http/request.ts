import type { Request } from 'express';

/** The precondition headers of a document write (docs/api.md "Flows and optimistic concurrency"). */
export function preconditionsOf(req: Request): { ifMatch?: string; ifNoneMatch?: string } {
  const result: { ifMatch?: string; ifNoneMatch?: string } = {};
  const ifMatch = req.get('if-match');
  const ifNoneMatch = req.get('if-none-match');
  if (ifMatch) result.ifMatch = ifMatch;
  if (ifNoneMatch) result.ifNoneMatch = ifNoneMatch;
  return result;
}
