#!/usr/bin/env node
// The installed `shelfmark-seed` command: Shelfmark runs TypeScript through
// tsx with no build step, so register tsx's loader in-process and run the CLI.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/import/cli.ts', import.meta.url).href);
