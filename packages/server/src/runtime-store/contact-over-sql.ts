import { OVER_STATUSES } from '@callflow/runtime';

const quoted = (statuses: readonly string[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;

/** `isContactOver` in SQL: `status IN ${OVER_SQL}` picks the contacts that are over, NOT IN the active ones. */
export const OVER_SQL = quoted(OVER_STATUSES);

/** The statuses of a callback request that is done: cancelled, or its contact over. */
export const CALLBACK_DONE_SQL = quoted(['cancelled', ...OVER_STATUSES]);
