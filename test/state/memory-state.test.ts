import { beforeEach } from 'vitest';
import { createMemoryState } from '../../src/state/memory/memory-state';
import { describeStateContract, type StateFixture } from './state-contract';

let current: StateFixture;

beforeEach(() => {
  // The budgets' pause takes an epoch time: the fake clock starts at the real one so both agree.
  let clock = Date.now();
  current = {
    store: createMemoryState({ now: () => clock }),
    advance: async (ms) => {
      clock += ms;
    },
  };
});

describeStateContract('memory', () => current);
