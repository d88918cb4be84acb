// Fast unit tests of the plugins' pure cores, API tests that boot a real Strapi, and browser tests of the admin pages.
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
      testMatch: ['<rootDir>/tests/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
    },
    {
      // Needs the built admin panel (npm run build) and Debian's chromium: `npm run test:browser`.
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/browser/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
    },
  ],
};
