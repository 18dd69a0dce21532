/** Unit specs sit next to the code (libs/**, apps/**); end-to-end suites in test/ drive real processes. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs/|content-disposition/|@fastify/static/node_modules/content-disposition/))'],
  moduleNameMapper: {
    '^@petitio/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@petitio/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 60000,
  maxWorkers: 2,
};
