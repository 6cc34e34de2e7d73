// @nestjs/* 12, pkijs 4 and preact's hooks ship ESM only, which Jest's module system cannot require (Node 22 can,
// Jest cannot): those packages (and their ESM-only dependencies) go through the same SWC transform as our own TypeScript.
const esmPackages = [
  '@nestjs',
  'jose',
  'uid',
  'load-esm',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  '@tokenizer',
  'pkijs',
  'asn1js',
  '@peculiar/utils',
  'bytestreamjs',
  '@noble/hashes',
  // The web workspace's modules that its unit specs load (the router's hooks).
  'preact',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec|e2e-spec)\\.ts$',
  // Jest's 5 s default: a test app's start, a read of a long log, took longer on a machine loaded with other work (a
  // load average of 9 on 2 cores), and such a run failed for no fault of the code. Slow is not wrong; a hang still ends.
  testTimeout: 15_000,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@portfolio/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  setupFiles: ['<rootDir>/test/support/fast-check-seed.js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
