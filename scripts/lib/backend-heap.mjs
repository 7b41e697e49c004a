// The V8 heap limit every backend process started by this repository runs with (`npm start`, `npm run start:cluster`,
// the import and search benchmarks).
//
// Without a limit V8 sizes the heap from the machine's memory (4,144 MB on a 24 GB machine) and lets garbage climb
// towards 1 GB between full collections: a 20,000-row import, whose live heap stays at 200–390 MB, peaked at
// 1.13–1.23 GB RSS. With 1,536 MB the same import peaks at ~660 MB at the same speed; with 2,048 MB V8 still waits
// and peaks at 1.13 GB (docs/benchmarks.md, session 14). A 100,000-row list imports under it too.
export const BACKEND_HEAP_MB = 1536

/** `env` with the backend's heap limit added to NODE_OPTIONS, unless NODE_OPTIONS sets one already. */
export function withBackendHeapLimit(env) {
  const options = env.NODE_OPTIONS ?? ""
  if (/--max-old-space-size\b/.test(options)) return env
  return { ...env, NODE_OPTIONS: `${options} --max-old-space-size=${BACKEND_HEAP_MB}`.trim() }
}
