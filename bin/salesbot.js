#!/usr/bin/env node
// The `salesbot` command: the same program as `npm run cli`, run through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
