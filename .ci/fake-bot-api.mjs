// A Bot API that answers just enough for the bot to start, poll and stop: for .ci/prod-check, which runs the
// production install where the test helpers (TypeScript) are not available. Prints its URL, then serves.
import { createServer } from "node:http";

const me = { id: 7000001, is_bot: true, first_name: "Handover", username: "handover_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
const server = createServer((req, res) => {
  const method = (req.url ?? "").split("/").pop();
  const reply = (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
  if (method === "getMe") return reply(me);
  if (method === "getUpdates") return void setTimeout(() => reply([]), 500); // a short long-poll
  return reply(true);
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
