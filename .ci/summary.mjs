// One closing line CI can read: the unit and browser test counts together.
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
if (existsSync('test-results/unit.json')) {
  const u = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  passed += u.numPassedTests;
  failed += u.numFailedTests;
}
if (existsSync('test-results/e2e.json')) {
  const e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8')).stats;
  passed += e.expected + e.flaky;
  failed += e.unexpected;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
