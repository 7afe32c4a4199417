import { integer } from "drizzle-orm/sqlite-core";

/** The instant a row was made (epoch ms). */
export const createdAt = () => integer("created_at", { mode: "number" }).notNull();
