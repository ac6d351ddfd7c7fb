import { ApiError } from '../api/request';

/** A line at the top of the desktop: what an action did, or why the service refused it. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** The service's code (and its reason code, e.g. CENTER_AT_CAPACITY): what an agent tells the supervisor. */
  code?: string;
}

/** A reason code is data in the error's details (`details.reason`), never read from its message. */
const REASON_CODE = /^[A-Z][A-Z0-9_]*$/;

export function noticeOf(error: unknown): Notice {
  if (error instanceof ApiError) {
    const reason = typeof error.details.reason === 'string' ? error.details.reason : undefined;
    const code = reason && REASON_CODE.test(reason) ? `${error.code} · ${reason}` : error.code;
    return { kind: 'error', text: error.message, code };
  }
  return { kind: 'error', text: (error as Error).message };
}
