/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // SWC only strips the types (a native compiler: a cold run spends seconds less than with the TypeScript
  // emitter in each worker); the types are checked once, by `npm run lint` (tsc -p tsconfig.test.json).
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
    ],
  },
  // Jest's default leaves one core idle (cores - 1); the test files are independent, so use them all.
  maxWorkers: '100%',
  // The real knowledge index is built once per run, not once per test file.
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  testTimeout: 30000,
};
