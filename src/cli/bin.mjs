#!/usr/bin/env node
// The `conform` executable. The project ships TypeScript sources and runs them through tsx's
// loader, so there is no build step whose output could drift from the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
