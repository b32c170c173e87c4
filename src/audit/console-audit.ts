import type Koa from 'koa';
import type { RouteDeps } from '../http/deps.js';
import type { AuditAction } from '../storage/store.js';
import { audit } from './audit.js';

type ConsoleAction = Extract<AuditAction, `librarian-${string}` | `member-${string}` | 'branches-change'>;

/** Every console action (never a page view) goes into the audit log, with the page or file as its target by default. */
export function auditConsole(deps: Pick<RouteDeps<'audit'>, 'store' | 'clock' | 'logger'>, ctx: Koa.Context, action: ConsoleAction, target: string = ctx.url): Promise<void> {
  return audit(deps, { member: ctx.state.member }, action, target);
}
