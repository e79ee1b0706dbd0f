/**
 * `npm run bench`: one production build, then each benchmark in turn on a portal of its own (results in
 * docs/benchmarks.md). `npm run bench -- dashboard` runs only the ones named.
 *
 * Options: --no-build (use the existing build), --quick (fewer requests and shorter levels, for trying a
 * change out; not for figures), --only=load or --only=weight (of the load benchmark). BENCH_SHOW_SERVER=1
 * shows the portals' output.
 */
import { bookingBenchmark } from "./booking";
import { dashboardBenchmark } from "./dashboard";
import { build } from "./harness";
import { loadBenchmark } from "./load";
import { registrationBenchmark } from "./registration";

const benchmarks: Record<string, () => Promise<void>> = {
  registration: registrationBenchmark,
  dashboard: dashboardBenchmark,
  load: loadBenchmark,
  booking: bookingBenchmark,
};

async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const unknown = named.filter((n) => !(n in benchmarks));
  if (unknown.length)
    throw new Error(`No benchmark ${unknown.join(", ")}: choose from ${Object.keys(benchmarks).join(", ")}.`);
  await build();
  for (const name of named.length ? named : Object.keys(benchmarks)) await benchmarks[name]!();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
