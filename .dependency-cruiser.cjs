// The layer rules of issue 14, checked by dependency-cruiser (`npm run lint:deps`, part of `npm test`).
// Where each rule comes from and what it means: README, "Dependency rules". Type-only imports count too
// (a rules file that needs grammY's types is still tied to Telegram), except where a rule says
// `dependencyTypesNot: ["type-only"]` (a view may name a schema type).
//
// File roles inside a capability folder, by name (see README, Architecture):
//   Telegram side  telegram.ts, *-telegram.ts, *-dialogue.ts   (Composers, dialogues)
//   keyboards      keyboards.ts, *-keyboards.ts
//   views          views.ts, *-view.ts, *-views.ts             (pure: view model → text + keyboard)
//   notices        notices.ts                                   (what goes to the outbox)
//   jobs           jobs.ts, *-job.ts
//   description    capability.ts                                (its entry in the registry: Composers, dialogues, jobs, menu)
//   rules          every other file                             (rules and SQL: no grammY, no bot/)

/** The capability folders under src/. */
const CAPABILITY = "^src/(team|clients|handover|distribution|calls|nags|reports|stars)/";
/** A file of a capability (in its folder or a subfolder) whose name says the role. */
const role = (names) => `${CAPABILITY}(|.*/)(${names})\\.ts$`;
const TELEGRAM_SIDE = role("telegram|[^/]+-telegram|[^/]+-dialogue");
const KEYBOARDS = role("keyboards|[^/]+-keyboards");
const VIEWS = role("views|[^/]+-views?");
const NOTICES = role("notices");
const JOBS = role("jobs|[^/]+-job");
const DESCRIPTION = role("capability");
const NOT_RULES = [TELEGRAM_SIDE, KEYBOARDS, VIEWS, NOTICES, JOBS, DESCRIPTION];
const GRAMMY = "(^|/)node_modules/(grammy|@grammyjs/[^/]+)/";
/** A view anywhere under src/ (today they all live in capability folders). */
const ANY_VIEW = "^src/(|.*/)(views|[^/]+-views?)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "An import cycle: two files that need each other are one file, or share a third.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "rules-not-telegram",
      comment: "A capability's rules file imports grammY, bot/ or a Telegram-side file. Rules take plain values and return plain values; the Telegram side calls them.",
      severity: "error",
      from: { path: CAPABILITY, pathNot: NOT_RULES },
      to: { path: [GRAMMY, "^src/bot/", TELEGRAM_SIDE] },
    },
    {
      name: "rules-not-views",
      comment: "A capability's rules file imports a view or a keyboard. Texts and buttons belong to the Telegram side and the notices; rules return data for them.",
      severity: "error",
      from: { path: CAPABILITY, pathNot: NOT_RULES },
      to: { path: [VIEWS, KEYBOARDS] },
    },
    {
      name: "shared-not-telegram",
      comment: "A view, keyboard, notice or job imports a Telegram-side file (a Composer or a dialogue). Those are shared by the Composers and the jobs: the Telegram side uses them, not the other way round.",
      severity: "error",
      from: { path: [KEYBOARDS, VIEWS, NOTICES, JOBS] },
      to: { path: TELEGRAM_SIDE },
    },
    {
      name: "views-pure",
      comment:
        "A view reads the database or talks to Telegram. Views are pure (view model → text + keyboard) so the Composers and the jobs draw the same picture: the rules load the data (drizzle, better-sqlite3, src/db/ but the schema, *-statements.ts, queries.ts), the Telegram side sends it (grammY's runtime but the main entry, whose InlineKeyboard a view builds; Biome's noRestrictedImports allows only that name from it). Types are fine.",
      severity: "error",
      from: { path: ANY_VIEW },
      to: {
        dependencyTypesNot: ["type-only"],
        path: [
          "(^|/)node_modules/(drizzle-orm|better-sqlite3)/",
          "^src/db/",
          "^src/(|.*/)[^/]+-statements\\.ts$",
          "^src/(|.*/)(|[^/]+-)queries\\.ts$",
          "(^|/)node_modules/@grammyjs/",
          "(^|/)node_modules/grammy/",
        ],
        pathNot: ["^src/db/schema(\\.ts$|/)", "(^|/)node_modules/grammy/out/mod\\.(d\\.ts|js)$"],
      },
    },
    {
      name: "views-take-data",
      comment: "A view takes a database handle (even as a type): it reads the database. Give it the data instead; the rules load it and the Telegram side or the job passes it on.",
      severity: "error",
      from: { path: ANY_VIEW },
      to: { path: "^src/db/client\\.ts$" },
    },
    {
      name: "ground-not-capability",
      comment: "platform/, db/ or outbox/ imports a capability. The ground knows no capability: a capability plugs in through a parameter or a hook (see src/background.ts).",
      severity: "error",
      from: { path: "^src/(platform|db|outbox)/" },
      to: { path: CAPABILITY },
    },
    {
      name: "wiring-not-capability",
      comment: "bot/ or jobs/ imports a capability. createBot, the router, the scheduler and the command menus read the capabilities from the registry (src/capabilities.ts) or take them as a parameter.",
      severity: "error",
      from: { path: "^src/(bot|jobs)/" },
      to: { path: CAPABILITY },
    },
    {
      name: "not-other-capability-telegram",
      comment: "A capability imports another capability's Telegram side. Share through that capability's rules or views.",
      severity: "error",
      from: { path: CAPABILITY },
      to: { path: TELEGRAM_SIDE, pathNot: "^src/$1/" },
    },
    ...[
      ["platform", "^src/platform/"],
      ["db", "^src/(platform|db)/"],
      ["outbox", "^src/(platform|db|outbox)/"],
    ].map(([floor, allowed]) => ({
      name: "ground-layers",
      comment: "The ground in layers: platform/ imports nothing of ours, db/ only platform/, outbox/ only db/ and platform/.",
      severity: "error",
      from: { path: `^src/${floor}/` },
      to: { path: "^src/", pathNot: [allowed, CAPABILITY] },
    })),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".d.ts", ".js"],
    },
  },
};
