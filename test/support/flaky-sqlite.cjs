// A stand-in for better-sqlite3 in the checkpoint worker (src/db/checkpointer.ts): the real driver, except
// that a checkpoint fails while a file `<database>.fail` exists, and never ends while `<database>.hang` exists.
const fs = require("node:fs");
const Database = require("better-sqlite3");

module.exports = class FlakyDatabase extends Database {
  constructor(path, options) {
    super(path, options);
    this.flagBase = path;
  }
  pragma(source, options) {
    if (source.startsWith("wal_checkpoint")) {
      if (fs.existsSync(`${this.flagBase}.fail`)) throw new Error("disk I/O error (test)");
      while (fs.existsSync(`${this.flagBase}.hang`)) {} // a round that does not end
    }
    return super.pragma(source, options);
  }
};
