import path from 'node:path';
import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { setFlash } from '../session/flash.js';
import type { Branch } from '../branches/branch-registry.js';
import { branchRegistryPath, loadBranchRegistry } from '../branches/branch-registry-file.js';
import { addBranch, BranchEditRefused, mapLocation, saveBranches, updateBranch } from '../branches/branch-edits.js';
import { auditConsole } from '../audit/console-audit.js';
import { unmappedLocations } from './unmapped-locations.js';

type Config = RouteDeps['config'];

/** Where console edits are written: BRANCHES_FILE when set, else branches.json in the data folder (never the demo's file). */
export function editableRegistryPath(config: Pick<Config, 'DATA_DIR' | 'BRANCHES_FILE'>): string {
  return config.BRANCHES_FILE ?? path.join(config.DATA_DIR, 'branches.json');
}

/** The branch registry, edited in the console: branches, their aliases, and locations from imports to map. */
export function branchRoutes(deps: RouteDeps<'imports' | 'audit'>): Router {
  const { store, render, config } = deps;
  const router = new Router();
  const registry = () => loadBranchRegistry(branchRegistryPath(config));

  /** Applies one edit to the registry as it is now, saves it, audits it, and says what happened. */
  async function edit(ctx: Koa.Context, change: (branches: readonly Branch[]) => Branch[], done: string): Promise<void> {
    try {
      const next = change((await registry()).branches);
      await saveBranches(editableRegistryPath(config), next);
      await auditConsole(deps, ctx, 'branches-change', done);
      setFlash(ctx, { kind: 'success', text: `${done}. Imports from now on use it; records already imported keep their branch until their file is imported again.` });
    } catch (error) {
      if (!(error instanceof BranchEditRefused)) throw error;
      setFlash(ctx, { kind: 'error', text: `Nothing was changed: ${error.message}` });
    }
    ctx.redirect('/librarian/branches');
  }

  router.get('/librarian/branches', async (ctx) => {
    const current = await registry();
    await render(ctx, 'librarian/branches', {
      title: 'Branches', section: 'branches', branches: current.branches, file: editableRegistryPath(config),
      unmapped: await unmappedLocations(store, current), newCode: typeof ctx.query.code === 'string' ? ctx.query.code.slice(0, 100) : '',
    });
  });

  const body = (ctx: Koa.Context) => (ctx.request.body ?? {}) as Record<string, unknown>;

  router.post('/librarian/branches', async (ctx) => {
    const fields = body(ctx);
    await edit(ctx, (branches) => addBranch(branches, { code: fields.code, name: fields.name, aliases: fields.aliases }), `Added the branch ${String(fields.name).trim()} (${String(fields.code).trim()})`);
  });

  router.post('/librarian/branches/map', async (ctx) => {
    const { location, code } = body(ctx);
    if (typeof location !== 'string' || typeof code !== 'string') return edit(ctx, () => { throw new BranchEditRefused('Choose a location and a branch.'); }, '');
    await edit(ctx, (branches) => mapLocation(branches, location, code), `Mapped the location “${location.trim()}” to the branch with code ${code}`);
  });

  router.post('/librarian/branches/:code', async (ctx) => {
    const code = ctx.params.code ?? '';
    const fields = body(ctx);
    await edit(ctx, (branches) => updateBranch(branches, code, { name: fields.name, aliases: fields.aliases }), `Saved the branch with code ${code}`);
  });

  return router;
}
