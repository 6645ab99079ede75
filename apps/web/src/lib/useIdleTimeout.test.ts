import { describe, expect, it } from 'vitest';
import { idleState } from './useIdleTimeout';

const MIN = 60_000;

describe('the idle clock of a session', () => {
  const idle = 30 * MIN;
  const warn = 2 * MIN;

  it('is active until two minutes before the end, and looks again then', () => {
    expect(idleState(0, 0, idle, warn)).toEqual({ phase: 'active', checkInMs: 28 * MIN });
    expect(idleState(0, 27 * MIN, idle, warn)).toEqual({ phase: 'active', checkInMs: MIN });
  });

  it('warns with the whole minutes left, and looks again when they change', () => {
    expect(idleState(0, 28 * MIN, idle, warn)).toEqual({
      phase: 'warning',
      deadline: idle,
      minutesLeft: 2,
      checkInMs: MIN,
    });
    expect(idleState(0, 29 * MIN + 30_000, idle, warn)).toEqual({
      phase: 'warning',
      deadline: idle,
      minutesLeft: 1,
      checkInMs: 30_000,
    });
  });

  it('has expired when the time is up (also when the timer fired late)', () => {
    expect(idleState(0, idle, idle, warn)).toEqual({ phase: 'expired' });
    expect(idleState(0, 3 * idle, idle, warn)).toEqual({ phase: 'expired' });
  });

  it('starts again from the latest activity', () => {
    expect(idleState(29 * MIN, 29 * MIN, idle, warn)).toEqual({ phase: 'active', checkInMs: 28 * MIN });
  });
});
