import { kindOfSection, type ResourceKind, type ResourceReferenceKind } from '@callflow/model';

/** The service names kinds by one entry ("queue"); the Center area by their section ("queues"). */
export function referenceKindOf(section: ResourceKind): ResourceReferenceKind {
  const kind = kindOfSection(section);
  if (!kind) throw new Error(`no reference kind for ${section}`);
  return kind;
}
