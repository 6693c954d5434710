/** Two projects: node for domain, database, functions and builds; jsdom for React components and compiled pages. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared-types/src/$1' },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|mingo)/)', '/dist/'],
};
module.exports = {
  testSequencer: '<rootDir>/tests/sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{domain,contracts,db,functions,local,build}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/client/**/*.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/tests/client/setup/globals.ts'],
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@nutui|@swc/helpers|@stencil|\\.pnpm|tslib|classnames|query-string|decode-uri-component|filter-obj|split-on-first|lodash-es|nanoid|style-inject)/)', '<rootDir>/client/dist/'],
      setupFilesAfterEnv: ['<rootDir>/tests/client/setup/after-env.ts'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/client/setup/taro.ts',
        '\\.css$': '<rootDir>/tests/client/setup/style-stub.ts',
        '^swiper(/.*)?$': '<rootDir>/tests/client/setup/style-stub.ts',
      },
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};
