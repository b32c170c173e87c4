import { beforeEach, describe } from 'node:test';
import { createAuditStore } from '../../../src/storage/mongo/audit-store.js';
import type { AuditStore } from '../../../src/storage/log-stores.js';
import { auditPersonContract } from '../contract/logs.js';
import { mingoDb } from './mingo-db.js';

// The MongoDB adapter's person filter ($or over card, memberId and target), run through mingo.
describe('MongoDB audit log by person (run through mingo)', () => {
  let audit: AuditStore | undefined;
  beforeEach(() => {
    audit = createAuditStore(mingoDb().db);
  });
  auditPersonContract(() => audit!);
});
