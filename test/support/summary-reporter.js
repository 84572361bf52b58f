// Mocha's spec reporter plus one closing line in the plain form CI reads:
// "<suite>: N passed, N failed, N skipped". With EDF_TEST_COUNTS set, the counts are also
// appended there as JSON lines, so scripts/test.sh can print one total for all suites.
"use strict";
const fs = require("fs");
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        const suite = (options.reporterOption && options.reporterOption.suite) || process.env.EDF_TEST_SUITE || "tests";
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const { passes, failures, pending } = this.stats;
            console.log(`${suite}: ${passes} passed, ${failures} failed, ${pending} skipped`);
            if (process.env.EDF_TEST_COUNTS) {
                fs.appendFileSync(process.env.EDF_TEST_COUNTS, JSON.stringify({ suite, passes, failures, pending }) + "\n");
            }
        });
    }
}

module.exports = SummaryReporter;
