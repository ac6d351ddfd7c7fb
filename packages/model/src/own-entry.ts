/**
 * The entry stored under `name` in a map read from JSON (queues, agents, numbers...), or undefined.
 * Plain indexing would answer `constructor`, `toString` or `__proto__` with Object.prototype's members,
 * so a caller could name a "queue" that no file declares: every lookup by a name that came from outside
 * goes through here.
 */
export function ownEntry<T>(map: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, name) ? map[name] : undefined;
}
