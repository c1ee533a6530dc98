/** End-to-end tests: the built server over HTTP and in Debian's Chromium (playwright-core). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  testTimeout: 180000,
  maxWorkers: 1,
  forceExit: true, // undici keeps idle keep-alive sockets to the stopped servers open for a few seconds
};
