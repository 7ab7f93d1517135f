import { beforeEach } from 'vitest';
import { createMemoryState } from '../../src/state/memory/memory-state';
import { describeStateContract, type StateFixture } from './state-contract';

let current: StateFixture;

beforeEach(() => {
  let clock = 1_700_000_000_000;
  current = {
    store: createMemoryState({ now: () => clock }),
    advance: async (ms) => {
      clock += ms;
    },
  };
});

describeStateContract('memory', () => current);
