import { afterEach, beforeEach, describe } from 'node:test';
import { createMemberStore, MEMBER_INDEXES } from '../../../src/storage/mongo/member-store.js';
import type { MemberStore } from '../../../src/storage/member-stores.js';
import { memberManagementContract } from '../contract/members.js';
import { mingoDb } from './mingo-db.js';

// The MongoDB adapter's member filters, sorts and updates, run through mingo, since no server can run here.
describe('MongoDB member store (run through mingo)', () => {
  let members: MemberStore | undefined;
  beforeEach(() => {
    members = createMemberStore(mingoDb({ members: MEMBER_INDEXES }).db);
  });
  afterEach(() => {
    members = undefined;
  });
  memberManagementContract(() => ({ members: members! }));
});
