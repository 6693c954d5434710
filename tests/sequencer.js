/**
 * Longest suites first, so that neither of CI's two workers sits idle while the other finishes a long
 * end-to-end suite at the end of the run. Jest's own order needs timings from an earlier run on the same
 * machine; a clean clone has none, and jest then orders by file size, which puts the short e2e files
 * (each a minute or more of browser time) last. The measured seconds in tests/suite-seconds.json
 * give the order instead; a suite not listed there counts as its earlier timing if jest has one, else
 * 45 s for an e2e suite and its file size for any other.
 */
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const seconds = require('./suite-seconds.json');

class LongestFirst extends Sequencer {
  sort(tests) {
    const weight = (test) => {
      const listed = seconds[relative(test.context.config.rootDir, test.path)];
      if (typeof listed === 'number') return listed * 1000;
      const timed = this.time(test);
      if (timed != null) return timed;
      if (test.context.config.displayName?.name === 'e2e') return 45_000;
      return (test.context.hasteFS.getSize(test.path) ?? 0) / 10;
    };
    const weights = new Map(tests.map((test) => [test, weight(test)]));
    return [...tests].sort((a, b) => weights.get(b) - weights.get(a));
  }
}

module.exports = LongestFirst;
