import type { Flow } from '@callflow/model';
import { block, resources } from '../../engine/test-support/fixtures.js';
import { createSimulator, type SimulatorOptions } from '../../simulator/simulator.js';

/** Starts one call of `f` on a simulator; `outcome` reads the last outcome a block took. */
export const run = (f: Flow, extra: Partial<SimulatorOptions> & { flows?: Flow[] } = {}) => {
  const sim = createSimulator({ resources: resources(), ...extra, flows: [f, ...(extra.flows ?? [])] });
  const id = sim.startCall({ flow: f.id, from: '+12015550199', to: '+12015550100' });
  return {
    sim,
    id,
    outcome: (blockId: string) =>
      sim
        .trace(id)
        .filter((t) => t.block === blockId && t.outcome)
        .at(-1)?.outcome,
  };
};

export const end = () => block('disconnect');
