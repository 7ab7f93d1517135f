import { describe, expect, it } from 'vitest';
import { dependantsOf } from '../../src/providers/kit/linked-abort';
import { deadlineOf, isDeadlineAbort, requestDeadline } from '../../src/providers/kit/deadline';

describe('dependantsOf', () => {
  it('aborts every member still joined, with the source reason, and none that left', () => {
    const source = new AbortController();
    const stays = new AbortController();
    const leaves = new AbortController();
    dependantsOf(source.signal).join(stays);
    dependantsOf(source.signal).join(leaves)();
    source.abort(new Error('shutdown'));
    expect(stays.signal.reason).toEqual(new Error('shutdown'));
    expect(leaves.signal.aborted).toBe(false);
    const late = new AbortController();
    dependantsOf(source.signal).join(late);
    expect(late.signal.aborted).toBe(true);
  });
});

describe('requestDeadline', () => {
  it('aborts at the deadline with a TimeoutError and carries the instant', async () => {
    const now = Date.now();
    const { signal, deadline } = requestDeadline(30, [() => new AbortController().signal], { now });
    expect(deadline).toBe(now + 30);
    expect(deadlineOf(signal)).toBe(now + 30);
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(isDeadlineAbort(signal)).toBe(true);
  });

  it('aborts with the reason of a source signal (the caller leaving, the shutdown)', () => {
    const caller = new AbortController();
    const shutdown = new AbortController();
    const first = requestDeadline(5000, [() => caller.signal, () => shutdown.signal]);
    const second = requestDeadline(5000, [() => new AbortController().signal, () => shutdown.signal]);
    caller.abort(new Error('client left'));
    expect(first.signal.reason).toEqual(new Error('client left'));
    expect(second.signal.aborted).toBe(false);
    shutdown.abort(new Error('grace period over'));
    expect(second.signal.reason).toEqual(new Error('grace period over'));
    expect(isDeadlineAbort(second.signal)).toBe(false);
  });

  it('reads its sources only when its signal is first read, and is then as it would have been', async () => {
    const caller = new AbortController();
    let reads = 0;
    const late = requestDeadline(20, [() => (reads++, caller.signal)]);
    const left = requestDeadline(5000, [() => (reads++, caller.signal)]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(reads).toBe(0);
    // Read past its deadline: aborted by the deadline, carrying the instant.
    expect(isDeadlineAbort(late.signal)).toBe(true);
    expect(deadlineOf(late.signal)).toBe(late.deadline);
    caller.abort(new Error('client left'));
    // Read after its source aborted: aborted with the source's reason.
    expect(left.signal.reason).toEqual(new Error('client left'));
    expect(reads).toBe(2);
    expect(late.signal).toBe(late.signal);
  });

  it('first read after release, never aborts', async () => {
    const caller = new AbortController();
    const deadline = requestDeadline(20, [() => caller.signal]);
    deadline.release();
    caller.abort(new Error('client left'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(deadline.signal.aborted).toBe(false);
    expect(deadlineOf(deadline.signal)).toBe(deadline.deadline);
  });

  it('once released (the request answered), neither its timer nor a source aborts it', async () => {
    const caller = new AbortController();
    const { signal, release } = requestDeadline(20, [() => caller.signal]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 60));
    caller.abort(new Error('client left'));
    expect(signal.aborted).toBe(false);
  });
});
