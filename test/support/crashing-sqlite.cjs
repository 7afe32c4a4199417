// A stand-in for better-sqlite3 in the checkpoint worker (src/db/checkpointer.ts): it opens, and the first
// checkpoint ends the worker thread, as a crash would.
module.exports = class CrashingDatabase {
  prepare() {
    return { pluck: () => ({ get: () => 0 }) };
  }
  pragma() {
    process.exit(3);
  }
  close() {}
};
