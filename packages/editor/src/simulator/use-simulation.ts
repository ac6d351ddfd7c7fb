import { useEffect, useState, useSyncExternalStore } from 'react';
import { useEditorStore } from '../store/flow-store';
import type { CallController, SimulationInputs, SimulationMode, SimulationView } from './call-controller';
import { useSimulationStore } from './simulation-store';

/*
 * One controller per mode for the whole designer: a call keeps running (and its path stays on the
 * canvas) while the admin looks at other panels. Each is loaded the first time its mode is used, so
 * neither is part of the first screen's JavaScript (the browser one brings the runtime).
 */
const shared: Partial<Record<SimulationMode, Promise<CallController>>> = {};

const create: Record<SimulationMode, (inputs: SimulationInputs) => Promise<CallController>> = {
  browser: (inputs) =>
    import('./simulation-controller').then(({ SimulationController }) => new SimulationController(inputs)),
  service: (inputs) =>
    import('./service-call-controller').then(
      ({ ServiceCallController }) => new ServiceCallController(inputs),
    ),
};

function showPathOf(controller: CallController): void {
  const view = controller.getView();
  useSimulationStore.getState().showPath(view.activeBlockId, view.visitedBlockIds, view.phase === 'running');
}

function loadController(mode: SimulationMode, inputs: SimulationInputs): Promise<CallController> {
  shared[mode] ??= create[mode](inputs).then((controller) => {
    controller.subscribe(() => {
      if (useSimulationStore.getState().mode === mode) showPathOf(controller);
    });
    // Another flow opened: its canvas must not show the previous flow's call.
    useEditorStore.subscribe((state, previous) => {
      if (state.flow?.id !== previous.flow?.id) controller.reset();
    });
    return controller;
  });
  return shared[mode];
}

const noSubscription = () => () => {};
const noView = () => null;

/** The controller of the current mode (null while it loads) and its current view. */
export function useSimulation(inputs: SimulationInputs): {
  mode: SimulationMode;
  controller: CallController | null;
  view: SimulationView | null;
} {
  const mode = useSimulationStore((s) => s.mode);
  const [loaded, setLoaded] = useState<{ mode: SimulationMode; controller: CallController } | null>(null);
  const { flow, resources, flows } = inputs;

  // biome-ignore lint/correctness/useExhaustiveDependencies: load per mode; later inputs arrive below
  useEffect(() => {
    let current = true;
    for (const [other, loading] of Object.entries(shared)) {
      if (other !== mode) void loading?.then((controller) => controller.deactivate?.());
    }
    void loadController(mode, { flow, resources, flows }).then((controller) => {
      if (!current) return;
      controller.setInputs({ flow, resources, flows });
      controller.activate?.();
      showPathOf(controller);
      setLoaded({ mode, controller });
    });
    return () => {
      current = false;
    };
  }, [mode]);

  const controller = loaded?.mode === mode ? loaded.controller : null;
  useEffect(() => {
    controller?.setInputs({ flow, resources, flows });
  }, [controller, flow, resources, flows]);

  const view = useSyncExternalStore(
    controller ? controller.subscribe : noSubscription,
    controller ? controller.getView : noView,
  );
  return { mode, controller, view };
}
