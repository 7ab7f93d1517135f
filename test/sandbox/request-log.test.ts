import { describe, expect, it } from 'vitest';
import { RequestLog, type RequestLogEntry } from '../../src/sandbox/request-log';

const entry = (n: number): RequestLogEntry => ({ provider: 'orb', method: 'GET', path: `/orb/v1/customers/${n}`, query: '', status: 200, ms: 1 });
const paths = (log: RequestLog) => log.list().map((logged) => logged.path.split('/').pop());

describe('the sandbox request log', () => {
  it('keeps the newest entries up to its limit, oldest first', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 2; n++) log.add(entry(n));
    expect(paths(log)).toEqual(['1', '2']);
    for (let n = 3; n <= 7; n++) log.add(entry(n));
    expect(paths(log)).toEqual(['5', '6', '7']);
    log.add(entry(8));
    expect(paths(log)).toEqual(['6', '7', '8']);
  });

  it('starts over after a clear, and a list is a copy', () => {
    const log = new RequestLog(2);
    for (let n = 1; n <= 3; n++) log.add(entry(n));
    const listed = log.list();
    log.clear();
    expect(log.list()).toEqual([]);
    expect(listed).toHaveLength(2);
    log.add(entry(9));
    expect(paths(log)).toEqual(['9']);
  });
});
