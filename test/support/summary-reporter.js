/**
 * Prints the line CI looks for at the very end of every test run: "N passed, N failed".
 * Suites that fail to run at all count as failures too, so a broken file cannot hide.
 * It is written when the process exits, after Jest's own summary.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
