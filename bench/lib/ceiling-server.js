'use strict';

/**
 * The ceiling a cached answer can reach on this machine with this load generator: a bare Node.js
 * HTTP server answering every request with a sample answer of the app, byte for byte (headers and
 * body): autocannon parses every header and decodes every body in JavaScript, so what is sent
 * matters, not only how much (42 KB of Chinese text costs it three times 42 KB of spaces).
 * Prints `READY <port>`.
 *
 *   node bench/lib/ceiling-server.js <sample.json>   # { "headers": {...}, "body": "<base64>" }
 */
const fs = require('fs');
const http = require('http');

const sample = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(sample.body, 'base64');
const headers = { ...sample.headers, 'content-length': body.length };
const server = http.createServer((req, res) => {
  // Drain a request body (GraphQL POSTs) before answering, as any server must.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`\nREADY ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
