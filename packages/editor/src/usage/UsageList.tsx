import type { Usage } from '@callflow/model';
import { openFlowAt } from './open-at-block';

/** In an admin's words: where this use is. */
export function usagePlace(usage: Usage): string {
  if (usage.blockId) return `${usage.flowName ?? usage.flowId} › ${usage.blockId}`;
  if (usage.resource)
    return usage.resource.kind === 'account'
      ? 'Account settings'
      : `${usage.resource.kind} ${usage.resource.name}`;
  return `test ${usage.file}`;
}

/**
 * The places that name a resource or a flow: blocks (a click opens the flow at the block), entries of
 * the resources file and flow tests. `unreadable` files are named: their uses are unknown.
 */
export function UsageList({
  usages,
  unreadable = [],
  empty,
  onOpen,
}: {
  usages: readonly Usage[];
  unreadable?: readonly string[];
  empty: string;
  /** Called before a block is opened (a dialog closes itself). */
  onOpen?: () => void;
}) {
  return (
    <div className="usage-list">
      {usages.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul aria-label="Uses">
          {usages.map((usage) => (
            <li key={`${usage.file}#${usage.path}`} data-file={usage.file} data-path={usage.path}>
              {usage.blockId && usage.flowId ? (
                <button
                  type="button"
                  className="link"
                  title={`${usage.file} ${usage.path}`}
                  onClick={() => {
                    onOpen?.();
                    void openFlowAt(usage.flowId!, usage.blockId, usage.path);
                  }}
                >
                  {usagePlace(usage)}
                </button>
              ) : (
                <span title={`${usage.file} ${usage.path}`}>{usagePlace(usage)}</span>
              )}{' '}
              <span className="muted">{usage.via}</span>
            </li>
          ))}
        </ul>
      )}
      {unreadable.length > 0 && (
        <p className="field-error" role="status">
          Could not read {unreadable.join(', ')}: uses there are not listed.
        </p>
      )}
    </div>
  );
}
