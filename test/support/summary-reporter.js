// Mocha's spec reporter plus one closing line in the plain form CI reads:
// "<suite>: N passed, N failed, N skipped". With EDF_TEST_COUNTS set, the counts are also
// appended there as JSON lines, so scripts/test.sh can print one total for all suites; with
// EDF_JUNIT_DIR set, mocha's own XUnit reporter writes `<dir>/<suite>.xml` (JUnit XML, which CI
// systems read) from the same run.
"use strict";
const fs = require("fs");
const path = require("path");
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        // EDF_TEST_SUITE names a second run of a suite (the unit suite on the lowest Node): it wins over
        // the config's `suite=`, which a command line `--reporter-option` cannot override (mocha lets
        // the config file's value come last). Taken out of the environment like the variables below.
        const suite = process.env.EDF_TEST_SUITE || (options.reporterOption && options.reporterOption.suite) || "tests";
        delete process.env.EDF_TEST_SUITE;
        // Taken out of the environment so a mocha that a test starts (the scaffold's
        // generated test, say) does not add its counts to this run's total.
        const countsFile = process.env.EDF_TEST_COUNTS;
        delete process.env.EDF_TEST_COUNTS;
        const junitDir = process.env.EDF_JUNIT_DIR;
        delete process.env.EDF_JUNIT_DIR;
        if (junitDir) {
            // A second reporter on the same run: it listens to the same events and writes the file at the end.
            new Mocha.reporters.XUnit(runner, { reporterOptions: { output: path.join(junitDir, `${suite}.xml`), suiteName: suite } });
        }
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const { passes, failures, pending } = this.stats;
            console.log(`${suite}: ${passes} passed, ${failures} failed, ${pending} skipped`);
            if (countsFile) {
                fs.appendFileSync(countsFile, JSON.stringify({ suite, passes, failures, pending }) + "\n");
            }
        });
    }
}

module.exports = SummaryReporter;
