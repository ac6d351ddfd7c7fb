import type { Problem } from '@callflow/model';
import { useMemo } from 'react';
import { resourcesProblems } from './center-problems';
import { useCenterStore } from './center-store';

/** The live problems of the resources on screen (recomputed once per edit). */
export function useCenterProblems(): Problem[] {
  const resources = useCenterStore((s) => s.resources);
  return useMemo(() => (resources ? resourcesProblems(resources) : []), [resources]);
}
