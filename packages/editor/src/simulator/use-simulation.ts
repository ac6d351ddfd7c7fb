import { useEffect, useState, useSyncExternalStore } from 'react';
import { useEditorStore } from '../store/flow-store';
import type { SimulationController, SimulationInputs, SimulationView } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

/*
 * One simulator for the whole designer: a call keeps running (and its path stays on the canvas) while
 * the admin looks at other panels. The runtime is loaded the first time the Simulator tab opens, so it
 * is not part of the first screen's JavaScript.
 */
let shared: Promise<SimulationController> | undefined;

function loadController(inputs: SimulationInputs): Promise<SimulationController> {
  shared ??= import('./simulation-controller').then(({ SimulationController }) => {
    const controller = new SimulationController(inputs);
    controller.subscribe(() => {
      const view = controller.getView();
      useSimulationStore
        .getState()
        .showPath(view.activeBlockId, view.visitedBlockIds, view.phase === 'running');
    });
    // Another flow opened: its canvas must not show the previous flow's call.
    useEditorStore.subscribe((state, previous) => {
      if (state.flow?.id !== previous.flow?.id) controller.reset();
    });
    return controller;
  });
  return shared;
}

const noSubscription = () => () => {};
const noView = () => null;

/** The simulator controller (null while the runtime loads) and its current view. */
export function useSimulation(inputs: SimulationInputs): {
  controller: SimulationController | null;
  view: SimulationView | null;
} {
  const [controller, setController] = useState<SimulationController | null>(null);
  const { flow, resources, flows } = inputs;

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once; later inputs arrive below
  useEffect(() => {
    let live = true;
    void loadController({ flow, resources, flows }).then((loaded) => {
      if (live) setController(loaded);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    controller?.setInputs({ flow, resources, flows });
  }, [controller, flow, resources, flows]);

  const view = useSyncExternalStore(controller?.subscribe ?? noSubscription, controller?.getView ?? noView);
  return { controller, view };
}
