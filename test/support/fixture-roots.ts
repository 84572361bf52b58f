// Loaded by both mocha configs before any test: the test fixtures' units are a unit root of
// the test run (the product's defaults are `platform/` and `services/` only; see unit/load.ts).
import * as path from "path";
import { UNIT_ROOTS_ENV } from "../../unit/load";

const FIXTURE_UNITS = "test/fixtures/units";
const current = (process.env[UNIT_ROOTS_ENV] ?? "").split(path.delimiter).filter(Boolean);
if (!current.includes(FIXTURE_UNITS)) process.env[UNIT_ROOTS_ENV] = [...current, FIXTURE_UNITS].join(path.delimiter);
