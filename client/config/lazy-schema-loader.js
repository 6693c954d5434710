/**
 * Issue 16 (H5): shared-types' schemas built on first use in the H5 build, as in the function bundles. The
 * transform is ./lazy-schemas.ts (the function build's too), handed over as this loader's `transform` option by
 * config/index.ts: Taro compiles the TypeScript of the config folder when it reads the config.
 */
module.exports = function lazySchemaLoader(source) {
  return this.getOptions().transform(this.resourcePath, source);
};
