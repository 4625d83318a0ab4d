// MDN HTTP Observatory's scan of a site on other ports than 80/443 (its command line takes a
// host name only). The package's own retriever, tests and grader; the scoring as its scan()
// does it. Run by bench/production.py:
//   NODE_EXTRA_CA_CERTS=cert.pem node bench/observatory.mjs PACKAGE_DIR HOST HTTPS_PORT HTTP_PORT
import path from "node:path";
import { pathToFileURL } from "node:url";

const [root, host, httpsPort, httpPort] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(root, "src", file)).href);
const { retrieve } = await load("retriever/retriever.js");
const { ALL_TESTS, NUM_TESTS } = await load("constants.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("grader/charts.js");
const { getGradeForScore, getScoreModifier } = await load("grader/grader.js");

const r = await retrieve(host, { httpsPort, httpPort });
if (!r.responses.auto) {
  console.log(JSON.stringify({ error: "the site seems to be down" }));
  process.exit(1);
}
const results = ALL_TESTS.map((test) => test(r));
let passed = 0;
let withExtraCredit = 100;
let uncurved = 100;
const tests = {};
for (const result of results) {
  if (result.result) {
    const modifier = getScoreModifier(result.result);
    passed += result.pass ? 1 : 0;
    withExtraCredit += modifier;
    if (modifier < 0) uncurved += modifier;
  }
  tests[result.constructor.name] = { pass: result.pass, result: result.result };
}
const final = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved);
console.log(
  JSON.stringify({ grade: final.grade, score: final.score, passed, tests: NUM_TESTS, status: r.responses.auto.status, results: tests })
);
