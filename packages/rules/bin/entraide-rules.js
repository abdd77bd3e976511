#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so no build step stands between a pack and its use.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli-main.ts');
