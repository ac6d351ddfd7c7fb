import { type ResourceKind, type Resources, resourceUsages } from '@callflow/model';
import { referenceKindOf } from './entry-kinds';
import { type UsageAnswer, usageCalls } from './usage-calls';

/**
 * The uses of an entry as the admin sees it now: flows and tests as saved on the service, and the
 * resources' own settings from the Center's document, unsaved edits included (a queue just pointed at
 * another caller-ID number no longer uses the old one). An entry not yet saved has no saved users.
 */
export async function entryUsages(
  kind: ResourceKind,
  name: string,
  resources: Resources,
  saved: boolean,
): Promise<UsageAnswer> {
  const target = { kind: referenceKindOf(kind), name };
  const fromService = saved
    ? await usageCalls().resourceUsages(target.kind, name)
    : { kind: target.kind, name, usages: [], unreadable: [] };
  // Uses in the resources file carry the entry that makes them; flows and tests do not.
  const resourcesFile = fromService.usages.find((u) => u.resource)?.file ?? 'resources.json';
  const elsewhere = fromService.usages.filter((u) => !u.resource);
  return { ...fromService, usages: [...elsewhere, ...resourceUsages(resources, target, resourcesFile)] };
}
