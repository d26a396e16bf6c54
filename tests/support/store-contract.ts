/**
 * The one contract both stores meet (SQLite and PostgreSQL): run by each store's own test file
 * with a way to make a fresh database, beside that store's own checks.
 */
import { describe } from 'vitest';
import { accessContract } from './store-contract/access-contract';
import { countsContract } from './store-contract/counts-contract';
import { galleryContract } from './store-contract/gallery-contract';
import { useStoreHarness, type TestDatabase } from './store-contract/harness';
import { leasesContract } from './store-contract/leases-contract';
import { moneyContract } from './store-contract/money-contract';
import { montagesContract } from './store-contract/montages-contract';
import { outboxContract } from './store-contract/outbox-contract';
import { tasksContract } from './store-contract/tasks-contract';

export type { TestDatabase };

export function describeStoreContract(name: string, makeDatabase: () => Promise<TestDatabase>): void {
  describe(`${name} store: the shared contract`, () => {
    const harness = useStoreHarness(makeDatabase);
    tasksContract(harness);
    countsContract(harness);
    leasesContract(harness);
    outboxContract(harness);
    moneyContract(harness);
    accessContract(harness);
    montagesContract(harness);
    galleryContract(harness);
  });
}
