// All tables, one file per area (schema/*.ts); everything imports them from here, and drizzle-kit reads
// this file. Dates a person thinks of as "a day" (last day, next contact, due date) are stored as
// team-local 'YYYY-MM-DD' text; instants are epoch milliseconds.
export * from "./schema/team.js";
export * from "./schema/clients.js";
export * from "./schema/handover.js";
export * from "./schema/distribution.js";
export * from "./schema/calls.js";
export * from "./schema/system.js";
