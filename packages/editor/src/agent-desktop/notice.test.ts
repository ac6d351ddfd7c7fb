import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/request';
import { noticeOf } from './notice';

describe('a refusal as the desktop shows it', () => {
  it('shows the reason code the API answers beside the error code (the center at capacity)', () => {
    const error = new ApiError(409, 'center_at_capacity', 'The center is at its maximum.', {
      reason: 'CENTER_AT_CAPACITY',
      limit: 1,
      liveCalls: 1,
    });
    expect(noticeOf(error)).toEqual({
      kind: 'error',
      text: 'The center is at its maximum.',
      code: 'center_at_capacity · CENTER_AT_CAPACITY',
    });
  });

  it('keeps a reason written in words out of the code (a refused transfer explains itself in its message)', () => {
    const error = new ApiError(409, 'transfer_refused', 'not transferred: agent x is Offline.', {
      reason: 'agent x is Offline, not Available',
    });
    expect(noticeOf(error).code).toBe('transfer_refused');
  });

  it('shows a failure without a code as its message', () => {
    expect(noticeOf(new Error('offline'))).toEqual({ kind: 'error', text: 'offline' });
  });
});
