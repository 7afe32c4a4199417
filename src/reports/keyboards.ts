// Callback data of /status: show it again, fresh (also under the leads' nags).
import { callbackData } from "../bot/callback-data.js";

export const statusRefreshButton = callbackData("st:refresh");
