/**
 * Prints the line CI looks for at the end of every test run: "N passed, N failed".
 * Suites that fail to run at all count as failures too, so a broken file cannot hide.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
