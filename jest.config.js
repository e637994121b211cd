/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // isolatedModules: ts-jest only transpiles each file; the types are checked once, by `npm run lint`
  // (tsc -p tsconfig.test.json), instead of by a type checker in every worker.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // Jest's default leaves one core idle (cores - 1); the test files are independent, so use them all.
  maxWorkers: '100%',
  // The real knowledge index is built once per run, not once per test file.
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  testTimeout: 30000,
};
