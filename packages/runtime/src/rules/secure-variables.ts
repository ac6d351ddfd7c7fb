import type { Flow } from '@callflow/model';

/**
 * THE rule for which variables are secure: their declaration says `secure: true`. Every path that
 * shows a value (the trace, errors, the contact view, the popover and desktop, Log to the contact trace,
 * the call log and the simulator's transcript) asks this, so marking a variable secure is the one
 * change that masks it everywhere. A module's inputs and outputs are declarations too.
 */
export function isSecureDeclaration(declaration: object | undefined): boolean {
  return declaration !== undefined && 'secure' in declaration && declaration.secure === true;
}

/** Is `name` a secure variable of `flow`? */
export function isSecureVariable(flow: Pick<Flow, 'variables'> | undefined, name: string): boolean {
  return isSecureDeclaration(flow?.variables?.[name]);
}

const namesCache = new WeakMap<Pick<Flow, 'variables'>, readonly string[]>();

/** Names of the flow's secure variables (kept per flow object: flows are not changed once loaded). */
export function secureVariableNames(flow: Pick<Flow, 'variables'>): readonly string[] {
  let names = namesCache.get(flow);
  if (!names) {
    names = Object.entries(flow.variables ?? {})
      .filter(([, declaration]) => isSecureDeclaration(declaration))
      .map(([name]) => name);
    namesCache.set(flow, names);
  }
  return names;
}
