// Two projects: fast unit tests of the plugins' pure cores, and API tests that boot a real Strapi.
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true, esModuleInterop: true, module: 'commonjs', target: 'es2020', resolveJsonModule: true } }];

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/plugins/*/server/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
    },
  ],
};
