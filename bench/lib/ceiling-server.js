'use strict';

/**
 * The ceiling a cached answer can reach on this machine with this load generator: a bare Node.js
 * HTTP server answering every request with a JSON body of the given size and the same number of
 * headers a cached hit carries. Prints `READY <port>`.
 *
 *   node bench/lib/ceiling-server.js <bytes>
 */
const http = require('http');

const bytes = Number(process.argv[2] || 20000);
const body = Buffer.from(JSON.stringify({ data: 'x'.repeat(Math.max(0, bytes - 12)) }));
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': body.length,
  etag: '"ceiling"',
  'cache-control': 'public, max-age=0, must-revalidate',
  vary: 'Origin, Authorization',
  'x-cache': 'HIT',
};
const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`\nREADY ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
