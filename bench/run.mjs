#!/usr/bin/env node
// `npm run bench [-- --incidents N ...]`: the benchmarks of bench/. Today: the metrics benchmark.
await import('./metrics.mjs');
