'use strict';

/**
 * `npm run bench`: runs every benchmark under bench/ in turn (or those named:
 * `npm run bench -- working-days`), printing their JSON lines and a summary. Benchmarks measure;
 * they are not tests and are not part of `npm test`.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const only = process.argv.slice(2);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => /\.bench\.(js|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`== ${file}`);
  const command = file.endsWith('.ts') ? ['npx', ['tsx', path.join(__dirname, file)]] : [process.execPath, [path.join(__dirname, file)]];
  const result = spawnSync(command[0], command[1], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    failed++;
    console.log(`!! ${file} missed its target or failed (exit ${result.status})`);
  }
}
console.log(`benchmarks: ${files.length - failed} met their targets, ${failed} did not`);
process.exit(failed ? 1 : 0);
