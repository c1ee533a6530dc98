/** Jest for the API: pure specs in src/, integration specs on a real PostgreSQL in test/. */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  // ESM-only packages, compiled to CommonJS for jest: Nest 12; openid-client 6 and its oauth4webapi
  // and jose; oidc-provider 9 (the test's provider; its koa dependency ships CommonJS)
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|openid-client|oauth4webapi|jose|oidc-provider)/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
