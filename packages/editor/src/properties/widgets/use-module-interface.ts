import type { ModuleInterface } from '@callflow/model';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

const cache = new Map<string, Promise<ModuleInterface | undefined>>();

/** The inputs and outputs a module flow declares (fetched once per module id). */
export function useModuleInterface(moduleId: string | undefined): ModuleInterface | undefined {
  const [found, setFound] = useState<ModuleInterface | undefined>(undefined);
  useEffect(() => {
    setFound(undefined);
    if (!moduleId) return;
    let cancelled = false;
    let request = cache.get(moduleId);
    if (!request) {
      request = api.getFlow(moduleId).then(
        (r) => r.flow.module ?? {},
        () => undefined,
      );
      cache.set(moduleId, request);
    }
    void request.then((module) => {
      if (!cancelled) setFound(module);
    });
    return () => {
      cancelled = true;
    };
  }, [moduleId]);
  return found;
}
