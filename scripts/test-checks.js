#!/usr/bin/env node
// The checks of scripts/test.sh that are not mocha suites (lint, type-check, bench smoke), recorded
// like tests: each check is one test case of its suite, in a JUnit XML file CI systems read
// (`<junit dir>/<suite>.xml`), and in the counts file that gives `npm test` its totals line.
//
//   node scripts/test-checks.js record <suite> <check> <passed|failed> <milliseconds> <log file>
//   node scripts/test-checks.js finish <suite>        # writes <suite>.xml, prints "<suite>: N passed, …"
//   node scripts/test-checks.js crashed <suite> <exit code> <log file>   # a mocha suite that ended before its reporter
//
// Environment: EDF_JUNIT_DIR (where the XML goes), EDF_TEST_COUNTS (the counts file).
"use strict";
const fs = require("fs");
const path = require("path");

const dir = process.env.EDF_JUNIT_DIR;
const counts = process.env.EDF_TEST_COUNTS;
if (!dir || !counts) {
    console.error("scripts/test-checks.js: EDF_JUNIT_DIR and EDF_TEST_COUNTS must be set (scripts/test.sh sets them)");
    process.exit(2);
}
const [command, suite, ...rest] = process.argv.slice(2);
const pending = path.join(dir, `.${suite}.checks.jsonl`);

/** XML text and attribute escaping; control characters other than tab and newline are not allowed in XML 1.0. */
function xml(text) {
    return [...String(text)]
        .filter((c) => c === "\t" || c === "\n" || c === "\r" || c.charCodeAt(0) >= 0x20)
        .join("")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;");
}

/** The last lines of a log: what a CI page shows for a failed check. */
function tail(file, lines = 80) {
    try {
        return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
        return "";
    }
}

function writeSuite(name, cases) {
    const failures = cases.filter((c) => c.status === "failed").length;
    const time = cases.reduce((t, c) => t + c.seconds, 0);
    const body = cases
        .map((c) => {
            const failure = c.status === "failed" ? `<failure message="${xml(`${c.check} failed`)}">${xml(c.output)}</failure>` : "";
            return `  <testcase classname="${xml(name)}" name="${xml(c.check)}" time="${c.seconds.toFixed(3)}">${failure}</testcase>`;
        })
        .join("\n");
    fs.writeFileSync(
        path.join(dir, `${name}.xml`),
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" ` +
            `errors="0" skipped="0" timestamp="${new Date().toISOString()}" time="${time.toFixed(3)}">\n${body}\n</testsuite>\n`,
    );
    const passes = cases.length - failures;
    fs.appendFileSync(counts, `${JSON.stringify({ suite: name, passes, failures, pending: 0 })}\n`);
    console.log(`${name}: ${passes} passed, ${failures} failed, 0 skipped`);
}

if (command === "record") {
    const [check, status, milliseconds, log] = rest;
    const seconds = Number(milliseconds) / 1000;
    fs.appendFileSync(pending, `${JSON.stringify({ check, status, seconds, output: status === "failed" ? tail(log) : "" })}\n`);
} else if (command === "finish") {
    const cases = fs.existsSync(pending)
        ? fs
              .readFileSync(pending, "utf8")
              .trim()
              .split("\n")
              .filter(Boolean)
              .map((l) => JSON.parse(l))
        : [];
    fs.rmSync(pending, { force: true });
    writeSuite(suite, cases);
} else if (command === "crashed") {
    const [code, log] = rest;
    writeSuite(suite, [
        { check: `${suite} suite (mocha exited ${code} before reporting)`, status: "failed", seconds: 0, output: tail(log) },
    ]);
} else {
    console.error(`scripts/test-checks.js: unknown command \`${command}\``);
    process.exit(2);
}
