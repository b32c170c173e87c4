import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import Router from '@koa/router';
import type Koa from 'koa';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { setFlash } from '../session/flash.js';
import { FORMATS, type ImportFormat, type ImportProblem } from '../storage/import-run-store.js';
import { FORMAT_LABELS } from '../import/readers.js';
import { currentMember } from '../members/current-member.js';
import { auditConsole } from '../audit/console-audit.js';
import { importRunView } from './import-view.js';
import { runImportOffThread } from './import-thread.js';
import { STALE_AFTER_MS } from './import-runner.js';
import { newUploadPath } from './upload-files.js';
import { receiveUpload, UploadTooLarge } from './upload.js';
import { rejectsCsv } from './rejects-csv.js';
import { csvHeaders } from '../csv/csv.js';
import { EXAMPLES_PER_KIND, groupProblems, type ProblemKind } from './problem-kinds.js';

const FORMAT_CHOICES = FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }));
/** How many runs the history page lists. */
const HISTORY_LENGTH = 100;

/** A run's report lines grouped by kind, read by key in batches (at most MAX_PROBLEMS_KEPT lines are kept). */
async function problemKinds(store: RouteDeps<'imports'>['store'], runId: string): Promise<ProblemKind[]> {
  const all: ImportProblem[] = [];
  for await (const batch of store.imports.exportProblems(runId, 5000)) all.push(...batch);
  return groupProblems(all);
}

/** Upload a catalogue file, watch its import, read its summary and download its rejects report. */
export function importRoutes(deps: RouteDeps<'audit' | 'imports' | 'records'>): Router {
  const { store, render, clock, config } = deps;
  const router = new Router();

  const showForm = async (ctx: Koa.Context, error?: string) => {
    const [running, recent] = await Promise.all([store.imports.running(), store.imports.recent(10)]);
    await render(ctx, 'librarian/import', {
      title: 'Import records', section: 'import', error, maxMb: config.IMPORT_MAX_MB, formats: FORMAT_CHOICES,
      running: running && importRunView(running), recent: recent.map(importRunView),
    });
  };

  router.get('/librarian/import', async (ctx) => {
    await showForm(ctx);
  });

  router.post('/librarian/import', async (ctx) => {
    const tempPath = newUploadPath();
    let upload;
    try {
      upload = await receiveUpload(ctx, tempPath, config.IMPORT_MAX_MB);
    } catch (error) {
      if (!(error instanceof UploadTooLarge)) throw error;
      await auditConsole(deps, ctx, 'librarian-import', `refused: larger than ${config.IMPORT_MAX_MB} MB`);
      ctx.status = 413;
      return showForm(ctx, error.publicMessage);
    }
    const { file, fields } = upload;
    if (!file || file.size === 0) {
      await rm(tempPath, { force: true });
      ctx.status = 400;
      return showForm(ctx, file ? `${file.name} is empty (0 bytes): the export may have failed.` : 'Choose a file to upload.');
    }
    const forced = FORMATS.includes(fields.format as ImportFormat) ? (fields.format as ImportFormat) : undefined;
    const id = randomUUID();
    const now = clock();
    // A run not heard from for STALE_AFTER_MS (its process died) is marked failed by the claim.
    const claim = await store.imports.claim({ id, fileName: file.name, size: file.size, card: currentMember(ctx)?.card ?? '', startedAt: now }, now - STALE_AFTER_MS)
      .catch(async (err: unknown) => { await rm(tempPath, { force: true }); throw err; });
    if (!claim.claimed) {
      await rm(tempPath, { force: true });
      await auditConsole(deps, ctx, 'librarian-import', `refused: ${claim.running.fileName} was still importing`);
      setFlash(ctx, {
        kind: 'error',
        text: `Another import (${claim.running.fileName}, started ${importRunView(claim.running).started}) is still running, so ${file.name} was not imported. Please wait until it has finished, then upload it again.`,
      });
      return ctx.redirect(`/librarian/import/${encodeURIComponent(claim.running.id)}`);
    }
    await auditConsole(deps, ctx, 'librarian-import', `${id} ${file.name}`);
    void runImportOffThread(deps, { id, fileName: file.name }, tempPath, forced);
    ctx.status = 303;
    ctx.redirect(`/librarian/import/${encodeURIComponent(id)}`);
  });

  router.get('/librarian/import/:id', async (ctx) => {
    const run = await store.imports.get(ctx.params.id ?? '');
    if (!run) throw new NotFound('There is no import with that number.');
    const view = importRunView(run);
    const kinds = view.running ? [] : await problemKinds(store, run.id);
    await render(ctx, 'librarian/import-run', { title: `Import of ${run.fileName}`, section: 'import', run: view, kinds, examplesPerKind: EXAMPLES_PER_KIND });
  });

  router.get('/librarian/imports', async (ctx) => {
    const runs = await store.imports.recent(HISTORY_LENGTH);
    await render(ctx, 'librarian/imports', { title: 'Every import', section: 'import', runs: runs.map(importRunView), limit: HISTORY_LENGTH });
  });

  router.get('/librarian/import/:id/rejects.csv', async (ctx) => {
    const run = await store.imports.get(ctx.params.id ?? '');
    if (!run) throw new NotFound('There is no import with that number.');
    await auditConsole(deps, ctx, 'librarian-download');
    ctx.set(csvHeaders(`rejects-${run.fileName}.csv`));
    ctx.body = await rejectsCsv(store, run);
  });

  return router;
}
